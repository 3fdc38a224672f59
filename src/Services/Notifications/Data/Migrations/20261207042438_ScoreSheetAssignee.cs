using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScoreSheetAssignee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assignee_user_id",
                table: "tasks",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_assignee_user_id",
                table: "tasks",
                column: "assignee_user_id",
                filter: "assignee_user_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_assignee_user_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "assignee_user_id",
                table: "tasks");
        }
    }
}
