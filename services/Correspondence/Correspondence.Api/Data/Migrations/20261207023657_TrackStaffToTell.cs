using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IcsComplaints.Correspondence.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrackStaffToTell : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_to_tell",
                schema: "correspondence",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    has_work_email = table.Column<bool>(type: "boolean", nullable: false),
                    told = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_to_tell", x => new { x.case_id, x.staff_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_to_tell",
                schema: "correspondence");
        }
    }
}
