using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImplementationControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "profile_revision",
                table: "proposal_facts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "refunded",
                table: "proposal_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "support_revision",
                table: "proposal_facts",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "profile_revision",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "refunded",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "support_revision",
                table: "proposal_facts");
        }
    }
}
