using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowCaseAndProtectSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status_secret",
                schema: "intake",
                table: "idempotency_records");

            migrationBuilder.AddColumn<string>(
                name: "protected_status_secret",
                schema: "intake",
                table: "idempotency_records",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "acknowledged_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "case_id",
                schema: "intake",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "response_due_by",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "response_due_by_renegotiation",
                schema: "intake",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "response_sent_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_case_id",
                schema: "intake",
                table: "complaints",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_case_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "intake");

            migrationBuilder.DropColumn(
                name: "protected_status_secret",
                schema: "intake",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "acknowledged_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "case_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "closed_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "response_due_by",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "response_due_by_renegotiation",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "response_sent_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.AddColumn<string>(
                name: "status_secret",
                schema: "intake",
                table: "idempotency_records",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }
    }
}
