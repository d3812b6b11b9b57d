using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddRegulationsAndDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "about_organisation_codes",
                schema: "intake",
                table: "complaints",
                type: "text[]",
                nullable: false,
                defaultValue: new List<string>());

            migrationBuilder.AddColumn<string>(
                name: "adjustment_notes",
                schema: "intake",
                table: "complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "aware_date",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "best_interests_decided_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "best_interests_decision_required",
                schema: "intake",
                table: "complaints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "best_interests_letter_sent_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "best_interests_reasons",
                schema: "intake",
                table: "complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "complainant_address_line1",
                schema: "intake",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "complainant_address_line2",
                schema: "intake",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "complainant_postcode",
                schema: "intake",
                table: "complaints",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "complainant_town",
                schema: "intake",
                table: "complaints",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "complainant_type",
                schema: "intake",
                table: "complaints",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Patient");

            migrationBuilder.AddColumn<string>(
                name: "consent_evidence",
                schema: "intake",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "consent_recorded_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_preference",
                schema: "intake",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "event_date",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "excluded_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "exclusion_ground",
                schema: "intake",
                table: "complaints",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "exclusion_letter_sent_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "exclusion_reasons",
                schema: "intake",
                table: "complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handling_organisation_code",
                schema: "intake",
                table: "complaints",
                type: "character varying(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "import_external_id",
                schema: "intake",
                table: "complaints",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "import_source",
                schema: "intake",
                table: "complaints",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "in_best_interests",
                schema: "intake",
                table: "complaints",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "interpreter_language",
                schema: "intake",
                table: "complaints",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lead_organisation_code",
                schema: "intake",
                table: "complaints",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "linked_to_complaint_id",
                schema: "intake",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "out_of_time",
                schema: "intake",
                table: "complaints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "parties",
                schema: "intake",
                table: "complaints",
                type: "text[]",
                nullable: false,
                defaultValue: new List<string>());

            migrationBuilder.AddColumn<string[]>(
                name: "reasonable_adjustments",
                schema: "intake",
                table: "complaints",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "relationship_to_patient",
                schema: "intake",
                table: "complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_basis",
                schema: "intake",
                table: "complaints",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "route",
                schema: "intake",
                table: "complaints",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "HandledByRecipient");

            migrationBuilder.AddColumn<bool>(
                name: "share_consent_given",
                schema: "intake",
                table: "complaints",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "share_consent_recorded_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                schema: "intake",
                table: "complaints",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<DateOnly>(
                name: "time_limit_decided_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time_limit_decision",
                schema: "intake",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time_limit_good_reason",
                schema: "intake",
                table: "complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "time_limit_letter_sent_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transferred_from_organisation_code",
                schema: "intake",
                table: "complaints",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "transferred_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "withdrawn_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "written_record_sent_on",
                schema: "intake",
                table: "complaints",
                type: "date",
                nullable: true);

            // Complaints recorded before routing existed are handled by the organisation they were made to.
            migrationBuilder.Sql("UPDATE intake.complaints SET handling_organisation_code = organisation_code WHERE handling_organisation_code = '';");

            // The either/or check looks complainants up by e-mail (any case), telephone and postcode.
            migrationBuilder.Sql("CREATE INDEX ix_complaints_complainant_email_lower ON intake.complaints (lower(complainant_email));");
            migrationBuilder.Sql("CREATE INDEX ix_complaints_complainant_phone ON intake.complaints (complainant_phone);");
            migrationBuilder.Sql("CREATE INDEX ix_complaints_complainant_postcode ON intake.complaints (complainant_postcode);");

            migrationBuilder.CreateTable(
                name: "commissioning_relationships",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    commissioner_ods_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    provider_ods_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    to_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioning_relationships", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_notifications",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_candidates",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    matched_on = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_candidates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "informal_concerns",
                schema: "intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    domain = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_informal_concerns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                schema: "intake",
                columns: table => new
                {
                    ods_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    successors = table.Column<List<string>>(type: "text[]", nullable: false),
                    parent_ods_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.ods_code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_handling_organisation_code_received_on",
                schema: "intake",
                table: "complaints",
                columns: new[] { "handling_organisation_code", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_import_source_import_external_id",
                schema: "intake",
                table: "complaints",
                columns: new[] { "import_source", "import_external_id" },
                unique: true,
                filter: "import_source IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_patient_nhs_number",
                schema: "intake",
                table: "complaints",
                column: "patient_nhs_number");

            migrationBuilder.CreateIndex(
                name: "ix_commissioning_relationships_commissioner_ods_code_provider_",
                schema: "intake",
                table: "commissioning_relationships",
                columns: new[] { "commissioner_ods_code", "provider_ods_code", "from_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commissioning_relationships_provider_ods_code",
                schema: "intake",
                table: "commissioning_relationships",
                column: "provider_ods_code");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_notifications_complaint_id",
                schema: "intake",
                table: "complaint_notifications",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_candidates_candidate_complaint_id",
                schema: "intake",
                table: "duplicate_candidates",
                column: "candidate_complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_candidates_complaint_id_candidate_complaint_id",
                schema: "intake",
                table: "duplicate_candidates",
                columns: new[] { "complaint_id", "candidate_complaint_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_informal_concerns_organisation_code_received_on",
                schema: "intake",
                table: "informal_concerns",
                columns: new[] { "organisation_code", "received_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX intake.ix_complaints_complainant_email_lower;");
            migrationBuilder.Sql("DROP INDEX intake.ix_complaints_complainant_phone;");
            migrationBuilder.Sql("DROP INDEX intake.ix_complaints_complainant_postcode;");

            migrationBuilder.DropTable(
                name: "commissioning_relationships",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "complaint_notifications",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "duplicate_candidates",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "informal_concerns",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "organisations",
                schema: "intake");

            migrationBuilder.DropIndex(
                name: "ix_complaints_handling_organisation_code_received_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_import_source_import_external_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_patient_nhs_number",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "about_organisation_codes",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "adjustment_notes",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "aware_date",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "best_interests_decided_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "best_interests_decision_required",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "best_interests_letter_sent_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "best_interests_reasons",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "complainant_address_line1",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "complainant_address_line2",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "complainant_postcode",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "complainant_town",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "complainant_type",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "consent_evidence",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "consent_recorded_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "contact_preference",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "event_date",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "excluded_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "exclusion_ground",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "exclusion_letter_sent_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "exclusion_reasons",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "handling_organisation_code",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "import_external_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "import_source",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "in_best_interests",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "interpreter_language",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "lead_organisation_code",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "linked_to_complaint_id",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "out_of_time",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "parties",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "reasonable_adjustments",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "relationship_to_patient",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "representative_basis",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "route",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "share_consent_given",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "share_consent_recorded_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "state",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "time_limit_decided_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "time_limit_decision",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "time_limit_good_reason",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "time_limit_letter_sent_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "transferred_from_organisation_code",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "transferred_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "withdrawn_on",
                schema: "intake",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "written_record_sent_on",
                schema: "intake",
                table: "complaints");
        }
    }
}
