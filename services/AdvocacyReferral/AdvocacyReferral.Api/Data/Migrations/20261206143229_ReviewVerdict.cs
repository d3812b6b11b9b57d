using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.AdvocacyReferral.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewVerdict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "verdict",
                schema: "advocacy",
                table: "reviews",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "verdict",
                schema: "advocacy",
                table: "reviews");
        }
    }
}
