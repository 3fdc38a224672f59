using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProposalPilotShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long[]>(
                name: "pilot_shares",
                table: "proposal_facts",
                type: "bigint[]",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pilot_shares",
                table: "proposal_facts");
        }
    }
}
