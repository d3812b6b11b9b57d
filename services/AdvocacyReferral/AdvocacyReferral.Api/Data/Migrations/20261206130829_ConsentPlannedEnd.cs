using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.AdvocacyReferral.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentPlannedEnd : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "access_ends_on",
                schema: "advocacy",
                table: "consent_grants",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "days_after_closure",
                schema: "advocacy",
                table: "consent_grants",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "access_ends_on",
                schema: "advocacy",
                table: "consent_grants");

            migrationBuilder.DropColumn(
                name: "days_after_closure",
                schema: "advocacy",
                table: "consent_grants");
        }
    }
}
