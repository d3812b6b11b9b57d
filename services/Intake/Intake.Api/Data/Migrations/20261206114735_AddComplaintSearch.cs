using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <summary>
    /// The search by name, NHS number and date of birth (POST /api/v1/complaints/search). Names are searched through a
    /// normalised search table, not an expression index: complaint_name_words holds each word of the complainant's and
    /// the patient's names, lower case without accents or apostrophes (NameWords), under a B-tree with
    /// text_pattern_ops, so "each word typed starts a word of a name" is an index range scan (LIKE 'word%') whatever the
    /// size of the table. The NHS number already had an index; the date of birth gets one.
    /// </summary>
    public partial class AddComplaintSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_name_words",
                schema: "intake",
                columns: table => new
                {
                    word = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_name_words", x => new { x.complaint_id, x.word });
                    table.ForeignKey(
                        name: "fk_complaint_name_words_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalSchema: "intake",
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_patient_date_of_birth",
                schema: "intake",
                table: "complaints",
                column: "patient_date_of_birth");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_name_words_word",
                schema: "intake",
                table: "complaint_name_words",
                column: "word")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            // Complaints recorded before this migration get their words here, as NameWords writes them for new ones:
            // accents decomposed and dropped (combining marks U+0300 to U+036F), apostrophes dropped, lower case, split
            // at anything but a letter or digit, at most 50 characters a word.
            migrationBuilder.Sql("""
                INSERT INTO intake.complaint_name_words (complaint_id, word)
                SELECT DISTINCT c.id, left(w.word, 50)
                FROM intake.complaints c
                CROSS JOIN LATERAL regexp_split_to_table(
                    lower(regexp_replace(regexp_replace(normalize(coalesce(c.complainant_name, '') || ' ' || coalesce(c.patient_name, ''), NFD),
                        '[\u0300-\u036f]', '', 'g'), '[''\u2018\u2019]', '', 'g')),
                    '[^[:alnum:]]+') AS w(word)
                WHERE w.word <> ''
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_name_words",
                schema: "intake");

            migrationBuilder.DropIndex(
                name: "ix_complaints_patient_date_of_birth",
                schema: "intake",
                table: "complaints");
        }
    }
}
