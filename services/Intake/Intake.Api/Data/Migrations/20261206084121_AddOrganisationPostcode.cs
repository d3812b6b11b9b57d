using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddOrganisationPostcode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "postcode",
                schema: "intake",
                table: "organisations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "postcode",
                schema: "intake",
                table: "organisations");
        }
    }
}
