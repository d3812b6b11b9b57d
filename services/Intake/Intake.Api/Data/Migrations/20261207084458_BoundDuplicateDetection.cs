using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Intake.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoundDuplicateDetection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_complaints_organisation_code_received_on",
                schema: "intake",
                table: "complaints",
                columns: new[] { "organisation_code", "received_on" });

            // The either/or check reads, for each way of knowing the person, the earlier complaints open ones first,
            // then the most recent, and stops at its limit (ComplaintQueries.FromSamePersonAsync): each index leads with
            // the identifier, then whether the complaint is open, written as the query orders by it, then the day.
            // They replace the single-column indexes, whose columns they lead with.
            migrationBuilder.Sql("""
                DROP INDEX intake.ix_complaints_complainant_email_lower;
                DROP INDEX intake.ix_complaints_complainant_phone;
                DROP INDEX intake.ix_complaints_complainant_postcode;
                CREATE INDEX ix_complaints_same_nhs_number ON intake.complaints
                    (patient_nhs_number, (state = 'Open' AND status <> 'Closed'), received_on);
                CREATE INDEX ix_complaints_same_email ON intake.complaints
                    (lower(complainant_email), (state = 'Open' AND status <> 'Closed'), received_on);
                CREATE INDEX ix_complaints_same_phone ON intake.complaints
                    (complainant_phone, (state = 'Open' AND status <> 'Closed'), received_on);
                CREATE INDEX ix_complaints_same_name_and_postcode ON intake.complaints
                    (complainant_postcode, lower(complainant_name), (state = 'Open' AND status <> 'Closed'), received_on);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX intake.ix_complaints_same_nhs_number;
                DROP INDEX intake.ix_complaints_same_email;
                DROP INDEX intake.ix_complaints_same_phone;
                DROP INDEX intake.ix_complaints_same_name_and_postcode;
                CREATE INDEX ix_complaints_complainant_email_lower ON intake.complaints (lower(complainant_email));
                CREATE INDEX ix_complaints_complainant_phone ON intake.complaints (complainant_phone);
                CREATE INDEX ix_complaints_complainant_postcode ON intake.complaints (complainant_postcode);
                """);

            migrationBuilder.DropIndex(
                name: "ix_complaints_organisation_code_received_on",
                schema: "intake",
                table: "complaints");
        }
    }
}
