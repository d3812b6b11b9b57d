using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Case.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexCasesAwaitingResponse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_cases_awaiting_response",
                schema: "case",
                table: "cases",
                column: "id",
                filter: "stage NOT IN ('Closed', 'FinalResponseSent', 'ReferredToOmbudsman')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_awaiting_response",
                schema: "case",
                table: "cases");
        }
    }
}
