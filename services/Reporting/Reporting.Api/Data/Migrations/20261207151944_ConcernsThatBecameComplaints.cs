using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConcernsThatBecameComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "became_complaint",
                schema: "reporting",
                table: "concern_facts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "concern_id",
                schema: "reporting",
                table: "concern_facts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_concern_facts_concern_id",
                schema: "reporting",
                table: "concern_facts",
                column: "concern_id",
                unique: true,
                filter: "concern_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_concern_facts_concern_id",
                schema: "reporting",
                table: "concern_facts");

            migrationBuilder.DropColumn(
                name: "became_complaint",
                schema: "reporting",
                table: "concern_facts");

            migrationBuilder.DropColumn(
                name: "concern_id",
                schema: "reporting",
                table: "concern_facts");
        }
    }
}
