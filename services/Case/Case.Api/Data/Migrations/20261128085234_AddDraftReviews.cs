using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IcsComplaints.Case.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDraftReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "review_window_working_days",
                schema: "case",
                table: "organisation_settings",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.CreateTable(
                name: "draft_reviews",
                schema: "case",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    reviewer_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    shared_on = table.Column<DateOnly>(type: "date", nullable: false),
                    window_ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    comments = table.Column<int>(type: "integer", nullable: false),
                    contributor_comment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_draft_reviews_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_snapshots",
                schema: "case",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    draft = table.Column<string>(type: "jsonb", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_snapshots", x => new { x.case_id, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "ix_draft_reviews_case_id_version_reviewer_code",
                schema: "case",
                table: "draft_reviews",
                columns: new[] { "case_id", "version", "reviewer_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "draft_reviews",
                schema: "case");

            migrationBuilder.DropTable(
                name: "draft_snapshots",
                schema: "case");

            migrationBuilder.DropColumn(
                name: "review_window_working_days",
                schema: "case",
                table: "organisation_settings");
        }
    }
}
