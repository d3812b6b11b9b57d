using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Case.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCaseProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "acknowledged_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "acknowledgement_channel",
                schema: "case",
                table: "cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closer_look_started_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "coding",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conflict_check",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delay_letter_reasons",
                schema: "case",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "delay_letter_sent_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "discussed_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "discussion_offered",
                schema: "case",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "draft",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "draft_version",
                schema: "case",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "early_resolution_due_by",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "early_resolution_started_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "escalation_reason",
                schema: "case",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "final_response_channel",
                schema: "case",
                table: "cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "final_response_sent_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handler",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "investigator",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ombudsman_reference",
                schema: "case",
                table: "cases",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ombudsman_referral_learned_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plan",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reopen_count",
                schema: "case",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "reopen_reason",
                schema: "case",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reopened_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "responsible_person",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "signature",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "signing_delegate",
                schema: "case",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "update_every_working_days",
                schema: "case",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "update_frequency_agreed_on",
                schema: "case",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "clock_pauses",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clock_pauses", x => x.id);
                    table.ForeignKey(
                        name: "fk_clock_pauses_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outgoing = table.Column<bool>(type: "boolean", nullable: false),
                    is_update = table.Column<bool>(type: "boolean", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contributions",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signed_off_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    signed_off_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_contributions_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deadline_alerts",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_settings",
                schema: "case",
                columns: table => new
                {
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    early_resolution_target_working_days = table.Column<int>(type: "integer", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_settings", x => x.organisation_code);
                });

            migrationBuilder.CreateTable(
                name: "response_date_agreements",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_by = table.Column<DateOnly>(type: "date", nullable: false),
                    with_complainant = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_response_date_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_response_date_agreements_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_involved",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    told_on = table.Column<DateOnly>(type: "date", nullable: true),
                    support_offered = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    comments = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    comments_use = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    saw_final_response_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_involved", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_involved_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_responses_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_stage",
                schema: "case",
                table: "cases",
                column: "stage");

            migrationBuilder.CreateIndex(
                name: "ix_clock_pauses_case_id",
                schema: "case",
                table: "clock_pauses",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_case_id",
                schema: "case",
                table: "contacts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_case_id_organisation_code",
                schema: "case",
                table: "contributions",
                columns: new[] { "case_id", "organisation_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contributions_organisation_code",
                schema: "case",
                table: "contributions",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_deadline_alerts_case_id_deadline_due_on_level",
                schema: "case",
                table: "deadline_alerts",
                columns: new[] { "case_id", "deadline", "due_on", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_response_date_agreements_case_id",
                schema: "case",
                table: "response_date_agreements",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_involved_case_id",
                schema: "case",
                table: "staff_involved",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_case_id",
                schema: "case",
                table: "survey_responses",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clock_pauses",
                schema: "case");

            migrationBuilder.DropTable(
                name: "contacts",
                schema: "case");

            migrationBuilder.DropTable(
                name: "contributions",
                schema: "case");

            migrationBuilder.DropTable(
                name: "deadline_alerts",
                schema: "case");

            migrationBuilder.DropTable(
                name: "organisation_settings",
                schema: "case");

            migrationBuilder.DropTable(
                name: "response_date_agreements",
                schema: "case");

            migrationBuilder.DropTable(
                name: "staff_involved",
                schema: "case");

            migrationBuilder.DropTable(
                name: "survey_responses",
                schema: "case");

            migrationBuilder.DropIndex(
                name: "ix_cases_stage",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "acknowledged_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "acknowledgement_channel",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closer_look_started_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "coding",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "conflict_check",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "delay_letter_reasons",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "delay_letter_sent_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "discussed_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "discussion_offered",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "draft",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "draft_version",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "early_resolution_due_by",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "early_resolution_started_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "escalation_reason",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "final_response_channel",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "final_response_sent_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "handler",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "investigator",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ombudsman_reference",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ombudsman_referral_learned_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "plan",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reopen_count",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reopen_reason",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reopened_on",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "responsible_person",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "signature",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "signing_delegate",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "update_every_working_days",
                schema: "case",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "update_frequency_agreed_on",
                schema: "case",
                table: "cases");
        }
    }
}
