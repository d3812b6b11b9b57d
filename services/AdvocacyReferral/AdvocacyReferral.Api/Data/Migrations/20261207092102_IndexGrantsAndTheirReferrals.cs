using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.AdvocacyReferral.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexGrantsAndTheirReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_referrals_grant_id",
                schema: "advocacy",
                table: "referrals",
                column: "grant_id");

            migrationBuilder.CreateIndex(
                name: "ix_consent_grants_case_id_service_all",
                schema: "advocacy",
                table: "consent_grants",
                columns: new[] { "case_id", "advocacy_service_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_grant_id",
                schema: "advocacy",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_consent_grants_case_id_service_all",
                schema: "advocacy",
                table: "consent_grants");
        }
    }
}
