using System;
using System.Collections.Generic;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.AdvocacyReferral.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CreateAdvocacySchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "advocacy");

            migrationBuilder.CreateTable(
                name: "advocacy_services",
                schema: "advocacy",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    local_authority_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    postcode_districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advocacy_services", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "advocacy",
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

            migrationBuilder.MakeAuditTrailAppendOnly("advocacy");

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "advocacy",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    complainant_subject_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "consent_grants",
                schema: "advocacy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    advocacy_service_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    view_case = table.Column<bool>(type: "boolean", nullable: false),
                    review_drafts = table.Column<bool>(type: "boolean", nullable: false),
                    evidence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_grants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "advocacy",
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
                schema: "advocacy",
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
                name: "referrals",
                schema: "advocacy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    advocacy_service_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    advocate_subject_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    advocate_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    grant_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                schema: "advocacy",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    advocacy_service_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    shared_on = table.Column<DateOnly>(type: "date", nullable: false),
                    window_ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_comments",
                schema: "advocacy",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    review_id = table.Column<long>(type: "bigint", nullable: false),
                    section = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    author_subject_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_comments_reviews_review_id",
                        column: x => x.review_id,
                        principalSchema: "advocacy",
                        principalTable: "reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                schema: "advocacy",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_resource_type_resource_id",
                schema: "advocacy",
                table: "audit_entries",
                columns: new[] { "resource_type", "resource_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_code",
                schema: "advocacy",
                table: "cases",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_consent_grants_case_id_advocacy_service_code",
                schema: "advocacy",
                table: "consent_grants",
                columns: new[] { "case_id", "advocacy_service_code" },
                unique: true,
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_received_at",
                schema: "advocacy",
                table: "inbox_messages",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_live",
                schema: "advocacy",
                table: "outbox_messages",
                column: "sequence",
                filter: "parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                schema: "advocacy",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_advocacy_service_code",
                schema: "advocacy",
                table: "referrals",
                column: "advocacy_service_code");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_case_id",
                schema: "advocacy",
                table: "referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_comments_review_id",
                schema: "advocacy",
                table: "review_comments",
                column: "review_id");

            migrationBuilder.CreateIndex(
                name: "ix_reviews_case_id_version_advocacy_service_code",
                schema: "advocacy",
                table: "reviews",
                columns: new[] { "case_id", "version", "advocacy_service_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditTrailAppendOnly("advocacy");

            migrationBuilder.DropTable(
                name: "advocacy_services",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "consent_grants",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "review_comments",
                schema: "advocacy");

            migrationBuilder.DropTable(
                name: "reviews",
                schema: "advocacy");
        }
    }
}
