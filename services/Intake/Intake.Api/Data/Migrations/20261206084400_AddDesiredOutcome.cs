using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDesiredOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "desired_outcome",
                schema: "intake",
                table: "complaints",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "desired_outcome",
                schema: "intake",
                table: "complaints");
        }
    }
}
