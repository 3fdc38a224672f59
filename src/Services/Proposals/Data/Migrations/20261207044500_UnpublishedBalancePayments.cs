using KhuyenCong.Proposals.Payments;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <summary>
    /// Lists the balance payments recorded before BalancePaid existed, for <see cref="BalancePaidBackfill"/> to publish.
    /// The list is the job's own bookkeeping, outside the model: nothing else reads it.
    /// </summary>
    [DbContext(typeof(ProposalsDbContext))]
    [Migration("20261207044500_UnpublishedBalancePayments")]
    public partial class UnpublishedBalancePayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE unpublished_balance_payments (payment_id uuid NOT NULL CONSTRAINT pk_unpublished_balance_payments PRIMARY KEY)");
            migrationBuilder.Sql(BalancePaidBackfill.MarkUnpublishedSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE unpublished_balance_payments");
        }
    }
}
