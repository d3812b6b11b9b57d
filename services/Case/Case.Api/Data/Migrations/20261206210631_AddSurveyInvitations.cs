using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Case.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddSurveyInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_invitations",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    open_until = table.Column<DateOnly>(type: "date", nullable: false),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_invitations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_case_id_kind",
                schema: "case",
                table: "survey_responses",
                columns: new[] { "case_id", "kind" },
                unique: true,
                filter: "kind = 'Complainant'");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_case_id",
                schema: "case",
                table: "survey_invitations",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_code_hash",
                schema: "case",
                table: "survey_invitations",
                column: "code_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_invitations",
                schema: "case");

            migrationBuilder.DropIndex(
                name: "ix_survey_responses_case_id_kind",
                schema: "case",
                table: "survey_responses");
        }
    }
}
