using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Training.Data.Migrations
{
    /// <summary>
    /// One trainee per natural key (name in any case, birth year, phone or none), so that two registrations
    /// of the same person racing each other cannot both be saved. An expression index, which the model cannot
    /// express; the registration endpoint checks the same key first.
    /// </summary>
    public partial class TraineeNaturalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE UNIQUE INDEX ux_trainees_natural_key ON trainees (lower(full_name), birth_year, coalesce(phone, ''));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ux_trainees_natural_key;");
        }
    }
}
