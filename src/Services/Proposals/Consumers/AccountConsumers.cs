using KhuyenCong.Platform.Accounts;
using KhuyenCong.Proposals.Data;

namespace KhuyenCong.Proposals.Consumers;

/// <summary>Keeps the copy of the user accounts that appraisal council seats are checked against.</summary>
public sealed class AccountChangedConsumer(ProposalsDbContext db) : AccountCopyConsumer<ProposalsDbContext>(db);
