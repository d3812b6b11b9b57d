using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Correspondence.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdvocateAndContributorNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_event_id_template_recipient_role",
                schema: "correspondence",
                table: "messages");

            migrationBuilder.AddColumn<string>(
                name: "recipient_code",
                schema: "correspondence",
                table: "messages",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "advocacy_consents",
                schema: "correspondence",
                columns: table => new
                {
                    grant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    advocacy_service_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    view_case = table.Column<bool>(type: "boolean", nullable: false),
                    review_drafts = table.Column<bool>(type: "boolean", nullable: false),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advocacy_consents", x => x.grant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_messages_event_id_template_recipient_role_recipient_code",
                schema: "correspondence",
                table: "messages",
                columns: new[] { "event_id", "template", "recipient_role", "recipient_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_advocacy_consents_case_id",
                schema: "correspondence",
                table: "advocacy_consents",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advocacy_consents",
                schema: "correspondence");

            migrationBuilder.DropIndex(
                name: "ix_messages_event_id_template_recipient_role_recipient_code",
                schema: "correspondence",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "recipient_code",
                schema: "correspondence",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "ix_messages_event_id_template_recipient_role",
                schema: "correspondence",
                table: "messages",
                columns: new[] { "event_id", "template", "recipient_role" },
                unique: true);
        }
    }
}
