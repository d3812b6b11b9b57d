using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Learning.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddResponseReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "final_response_sent_on",
                schema: "learning",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "response_reviews",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sampled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_response_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "response_review_ratings",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    criterion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_response_review_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_response_review_ratings_response_reviews_review_id",
                        column: x => x.review_id,
                        principalSchema: "learning",
                        principalTable: "response_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_code_final_response_sent_on",
                schema: "learning",
                table: "cases",
                columns: new[] { "organisation_code", "final_response_sent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_response_review_ratings_review_id_criterion",
                schema: "learning",
                table: "response_review_ratings",
                columns: new[] { "review_id", "criterion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_response_reviews_case_id",
                schema: "learning",
                table: "response_reviews",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_response_reviews_organisation_code_sent_on",
                schema: "learning",
                table: "response_reviews",
                columns: new[] { "organisation_code", "sent_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "response_review_ratings",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "response_reviews",
                schema: "learning");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_code_final_response_sent_on",
                schema: "learning",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "final_response_sent_on",
                schema: "learning",
                table: "cases");
        }
    }
}
