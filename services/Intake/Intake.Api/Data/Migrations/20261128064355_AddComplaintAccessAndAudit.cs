using System;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddComplaintAccessAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "key",
                schema: "intake",
                table: "idempotency_records",
                type: "character varying(420)",
                maxLength: 420,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "status_secret",
                schema: "intake",
                table: "idempotency_records",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "case_opened_at",
                schema: "intake",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "complainant_subject_id",
                schema: "intake",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "patient_date_of_birth",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "patient_name",
                schema: "intake",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "patient_nhs_number",
                schema: "intake",
                table: "complaints",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "intake",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Received");

            migrationBuilder.AddColumn<string>(
                name: "status_secret_hash",
                schema: "intake",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    actor_roles = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    resource_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    resource_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    resource_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    route = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.MakeAuditTrailAppendOnly("intake");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                schema: "intake",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_resource_type_resource_id",
                schema: "intake",
                table: "audit_entries",
                columns: new[] { "resource_type", "resource_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "intake");

            migrationBuilder.DropColumn(
                name: "status_secret",
                schema: "intake",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "case_opened_at",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "complainant_subject_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "patient_date_of_birth",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "patient_name",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "patient_nhs_number",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "status_secret_hash",
                schema: "intake",
                table: "complaints");

            migrationBuilder.AlterColumn<string>(
                name: "key",
                schema: "intake",
                table: "idempotency_records",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(420)",
                oldMaxLength: 420);

            migrationBuilder.DropAuditTrailAppendOnly("intake");
        }
    }
}
