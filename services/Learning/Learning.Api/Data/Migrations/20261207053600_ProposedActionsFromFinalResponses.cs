using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Learning.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProposedActionsFromFinalResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "change_index",
                schema: "learning",
                table: "actions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_actions_case_id_change_index",
                schema: "learning",
                table: "actions",
                columns: new[] { "case_id", "change_index" },
                unique: true,
                filter: "change_index IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_actions_case_id_change_index",
                schema: "learning",
                table: "actions");

            migrationBuilder.DropColumn(
                name: "change_index",
                schema: "learning",
                table: "actions");
        }
    }
}
