using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Learning.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddTrainingRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_training",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    job_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    added_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_training", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_completions",
                schema: "learning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_completions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_completions_staff_training_staff_id",
                        column: x => x.staff_id,
                        principalSchema: "learning",
                        principalTable: "staff_training",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_training_organisation_code",
                schema: "learning",
                table: "staff_training",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_training_completions_staff_id_course_completed_on",
                schema: "learning",
                table: "training_completions",
                columns: new[] { "staff_id", "course", "completed_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_completions",
                schema: "learning");

            migrationBuilder.DropTable(
                name: "staff_training",
                schema: "learning");
        }
    }
}
