using System;
using System.Collections.Generic;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Reporting.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CreateReportingSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "action_facts",
                schema: "reporting",
                columns: table => new
                {
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_facts", x => x.action_id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "reporting",
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

            migrationBuilder.MakeAuditTrailAppendOnly("reporting");

            migrationBuilder.CreateTable(
                name: "case_facts",
                schema: "reporting",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acknowledgement_due_by = table.Column<DateOnly>(type: "date", nullable: true),
                    acknowledged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acknowledged_in_time = table.Column<bool>(type: "boolean", nullable: true),
                    early_resolution_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closer_look_on = table.Column<DateOnly>(type: "date", nullable: true),
                    response_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    resolved_early = table.Column<bool>(type: "boolean", nullable: true),
                    working_days_taken = table.Column<int>(type: "integer", nullable: true),
                    by_agreed_date = table.Column<bool>(type: "boolean", nullable: true),
                    renegotiations = table.Column<int>(type: "integer", nullable: false),
                    within_backstop = table.Column<bool>(type: "boolean", nullable: true),
                    backstop_missed = table.Column<bool>(type: "boolean", nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closure = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reopened = table.Column<int>(type: "integer", nullable: false),
                    ombudsman_on = table.Column<DateOnly>(type: "date", nullable: true),
                    advocacy = table.Column<bool>(type: "boolean", nullable: false),
                    draft_reviews = table.Column<int>(type: "integer", nullable: false),
                    subjects = table.Column<List<string>>(type: "text[]", nullable: false),
                    service_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    professions = table.Column<List<string>>(type: "text[]", nullable: false),
                    clinical_sub_categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    site_ods_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    age_band = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    complainant_status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    received_month = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_facts", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_facts",
                schema: "reporting",
                columns: table => new
                {
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    imported = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_facts", x => x.complaint_id);
                });

            migrationBuilder.CreateTable(
                name: "concern_facts",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_concern_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_log",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    consumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_log", x => x.id);
                });

            // Read models are rebuilt from the event log, so the log itself never changes.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION reporting.refuse_event_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The event log is append-only';
                END $$;
                CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON reporting.event_log
                    FOR EACH ROW EXECUTE FUNCTION reporting.refuse_event_log_change();
                CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON reporting.event_log
                    FOR EACH STATEMENT EXECUTE FUNCTION reporting.refuse_event_log_change();
                """);

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "reporting",
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
                name: "missed_deadlines",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    deadline = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    detected_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missed_deadlines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "reporting",
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
                name: "staff_facts",
                schema: "reporting",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    told = table.Column<bool>(type: "boolean", nullable: false),
                    support_offered = table.Column<bool>(type: "boolean", nullable: false),
                    saw_final_response = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_facts", x => new { x.case_id, x.staff_id });
                });

            migrationBuilder.CreateTable(
                name: "survey_answers",
                schema: "reporting",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    question = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_answers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "theme_facts",
                schema: "reporting",
                columns: table => new
                {
                    theme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    icb_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    shared = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_theme_facts", x => x.theme_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                schema: "reporting",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_resource_type_resource_id",
                schema: "reporting",
                table: "audit_entries",
                columns: new[] { "resource_type", "resource_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_facts_complaint_id",
                schema: "reporting",
                table: "case_facts",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_facts_organisation_code_ombudsman_on",
                schema: "reporting",
                table: "case_facts",
                columns: new[] { "organisation_code", "ombudsman_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_facts_organisation_code_received_on",
                schema: "reporting",
                table: "case_facts",
                columns: new[] { "organisation_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_facts_organisation_code_response_sent_on",
                schema: "reporting",
                table: "case_facts",
                columns: new[] { "organisation_code", "response_sent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_concern_facts_organisation_code_received_on",
                schema: "reporting",
                table: "concern_facts",
                columns: new[] { "organisation_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_event_log_message_id",
                schema: "reporting",
                table: "event_log",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_received_at",
                schema: "reporting",
                table: "inbox_messages",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_missed_deadlines_case_id_deadline_due_on",
                schema: "reporting",
                table: "missed_deadlines",
                columns: new[] { "case_id", "deadline", "due_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_missed_deadlines_organisation_code",
                schema: "reporting",
                table: "missed_deadlines",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_live",
                schema: "reporting",
                table: "outbox_messages",
                column: "sequence",
                filter: "parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                schema: "reporting",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_answers_organisation_code_month",
                schema: "reporting",
                table: "survey_answers",
                columns: new[] { "organisation_code", "month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditTrailAppendOnly("reporting");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS reporting.refuse_event_log_change();");

            migrationBuilder.DropTable(
                name: "action_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "case_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "complaint_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "concern_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "event_log",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "missed_deadlines",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "staff_facts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "survey_answers",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "theme_facts",
                schema: "reporting");
        }
    }
}
