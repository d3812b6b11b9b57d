using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddTransferFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transfer_facts",
                schema: "reporting",
                columns: table => new
                {
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    icb_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    submitted_to_icb = table.Column<bool>(type: "boolean", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    consent_awaited = table.Column<bool>(type: "boolean", nullable: false),
                    consent_recorded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    consent_given = table.Column<bool>(type: "boolean", nullable: true),
                    transferred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    to_organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_facts", x => x.complaint_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_facts_icb_code",
                schema: "reporting",
                table: "transfer_facts",
                column: "icb_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_facts",
                schema: "reporting");
        }
    }
}
