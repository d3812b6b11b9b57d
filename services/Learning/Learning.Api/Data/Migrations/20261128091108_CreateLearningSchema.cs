using System;
using System.Collections.Generic;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Learning.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CreateLearningSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "learning");

            migrationBuilder.CreateTable(
                name: "actions",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    theme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    what_will_change = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    raised_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    you_said = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    we_did = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    overdue_reported_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "learning",
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

            migrationBuilder.MakeAuditTrailAppendOnly("learning");

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "learning",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    subject_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    second_coding_requested_on = table.Column<DateOnly>(type: "date", nullable: true),
                    synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "hcat_codings",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    coder_subject_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    independent = table.Column<bool>(type: "boolean", nullable: false),
                    quality = table.Column<int>(type: "integer", nullable: false),
                    safety = table.Column<int>(type: "integer", nullable: false),
                    environment = table.Column<int>(type: "integer", nullable: false),
                    institutional_processes = table.Column<int>(type: "integer", nullable: false),
                    listening = table.Column<int>(type: "integer", nullable: false),
                    communication = table.Column<int>(type: "integer", nullable: false),
                    respect = table.Column<int>(type: "integer", nullable: false),
                    harm = table.Column<int>(type: "integer", nullable: true),
                    stages_of_care = table.Column<List<string>>(type: "text[]", nullable: false),
                    coded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    revised_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hcat_codings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "learning",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "learning",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    destination = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    headers = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    parked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "self_assessments",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    organisation_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "themes",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    icb_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    observed = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    baseline_observed = table.Column<int>(type: "integer", nullable: false),
                    baseline_total = table.Column<int>(type: "integer", nullable: false),
                    expected = table.Column<double>(type: "double precision", nullable: false),
                    p_value = table.Column<double>(type: "double precision", nullable: false),
                    monthly_observed = table.Column<List<int>>(type: "integer[]", nullable: false),
                    monthly_totals = table.Column<List<int>>(type: "integer[]", nullable: false),
                    detected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    shared_on = table.Column<DateOnly>(type: "date", nullable: true),
                    share_message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    shared_with = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_themes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "self_assessment_ratings",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expectation_id = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    improvement_actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessment_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_assessment_ratings_self_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalSchema: "learning",
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "theme_contributions",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    theme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    observed = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_theme_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_theme_contributions_themes_theme_id",
                        column: x => x.theme_id,
                        principalSchema: "learning",
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_actions_organisation_code_status_due_on",
                schema: "learning",
                table: "actions",
                columns: new[] { "organisation_code", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                schema: "learning",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_resource_type_resource_id",
                schema: "learning",
                table: "audit_entries",
                columns: new[] { "resource_type", "resource_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_code_received_on",
                schema: "learning",
                table: "cases",
                columns: new[] { "organisation_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_hcat_codings_case_id_subject_coder_subject_id",
                schema: "learning",
                table: "hcat_codings",
                columns: new[] { "case_id", "subject", "coder_subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hcat_codings_case_id_subject_independent",
                schema: "learning",
                table: "hcat_codings",
                columns: new[] { "case_id", "subject", "independent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hcat_codings_organisation_code",
                schema: "learning",
                table: "hcat_codings",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_received_at",
                schema: "learning",
                table: "inbox_messages",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_live",
                schema: "learning",
                table: "outbox_messages",
                column: "sequence",
                filter: "parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                schema: "learning",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_self_assessment_ratings_assessment_id_expectation_id",
                schema: "learning",
                table: "self_assessment_ratings",
                columns: new[] { "assessment_id", "expectation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_organisation_code_year",
                schema: "learning",
                table: "self_assessments",
                columns: new[] { "organisation_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_theme_contributions_theme_id",
                schema: "learning",
                table: "theme_contributions",
                column: "theme_id");

            migrationBuilder.CreateIndex(
                name: "ix_themes_icb_code_scope_organisation_code_dimension_code_month",
                schema: "learning",
                table: "themes",
                columns: new[] { "icb_code", "scope", "organisation_code", "dimension", "code", "month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditTrailAppendOnly("learning");

            migrationBuilder.DropTable(
                name: "actions",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "hcat_codings",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "self_assessment_ratings",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "theme_contributions",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "self_assessments",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "themes",
                schema: "learning");
        }
    }
}
