using System;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Case.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCaseAccessAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "complainant_subject_id",
                schema: "case",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "case",
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

            migrationBuilder.MakeAuditTrailAppendOnly("case");

            migrationBuilder.CreateIndex(
                name: "ix_cases_complainant_subject_id",
                schema: "case",
                table: "cases",
                column: "complainant_subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                schema: "case",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_resource_type_resource_id",
                schema: "case",
                table: "audit_entries",
                columns: new[] { "resource_type", "resource_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "case");

            migrationBuilder.DropIndex(
                name: "ix_cases_complainant_subject_id",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "complainant_subject_id",
                schema: "case",
                table: "cases");

            migrationBuilder.DropAuditTrailAppendOnly("case");
        }
    }
}
