using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class PilotShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long[]>(
                name: "pilot_shares",
                table: "proposals",
                type: "bigint[]",
                nullable: true);

            // The pilots filed before the split existed are split evenly over their years, the first year taking what does not divide.
            migrationBuilder.Sql("""
                UPDATE proposals
                SET pilot_shares = ARRAY[state_support - (state_support / (pilot_end_year - pilot_start_year + 1)) * (pilot_end_year - pilot_start_year)]
                    || array_fill(state_support / (pilot_end_year - pilot_start_year + 1), ARRAY[pilot_end_year - pilot_start_year])
                WHERE pilot_start_year IS NOT NULL AND pilot_end_year IS NOT NULL AND pilot_shares IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pilot_shares",
                table: "proposals");
        }
    }
}
