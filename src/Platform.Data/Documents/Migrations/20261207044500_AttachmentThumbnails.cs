using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Platform.Documents.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentThumbnails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "thumbnail",
                table: "attachment_contents",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "thumbnail",
                table: "attachment_contents");
        }
    }
}
