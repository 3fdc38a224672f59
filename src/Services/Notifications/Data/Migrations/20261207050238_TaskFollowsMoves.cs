using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskFollowsMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "sequence",
                table: "tasks",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sequence",
                table: "tasks");
        }
    }
}
