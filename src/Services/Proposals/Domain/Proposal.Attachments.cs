using KhuyenCong.Contracts.Documents;
using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// Who may attach papers to a proposal, and the history entries of its attachments. A Centre officer attaches any paper
/// at any step (the decision, the contract, the minutes are theirs). The establishment or district officer that filed
/// the proposal adds its own papers while they are its to prepare: the dossier (description, estimate, photos, other
/// papers) while the proposal is a draft or returned for revision, its progress reports and photos during
/// implementation, and its settlement dossier after acceptance.
/// </summary>
public sealed partial class Proposal
{
    private static readonly Dictionary<ProposalStatus, DocumentKind[]> FilersPapers = new()
    {
        [ProposalStatus.Draft] = [DocumentKind.ProposalDescription, DocumentKind.CostEstimate, DocumentKind.Photo, DocumentKind.Other],
        [ProposalStatus.ReturnedForRevision] = [DocumentKind.ProposalDescription, DocumentKind.CostEstimate, DocumentKind.Photo, DocumentKind.Other],
        [ProposalStatus.InImplementation] = [DocumentKind.ProgressReport, DocumentKind.Photo],
        [ProposalStatus.Accepted] = [DocumentKind.SettlementDossier],
    };

    /// <summary>The papers the proposal's filer (an establishment or a district officer) may add now.</summary>
    public IReadOnlyList<DocumentKind> PapersTheFilerMayAdd => FilersPapers.GetValueOrDefault(Status, []);

    /// <summary>Refuses (403) a filer's paper of a kind that is not theirs to add at this step.</summary>
    public void EnsureFilerMayAttach(DocumentKind kind)
    {
        if (PapersTheFilerMayAdd.Contains(kind))
        {
            return;
        }
        var allowed = PapersTheFilerMayAdd;
        throw new ProposalRuleException("attachment-not-allowed", RuleKind.Forbidden, allowed.Count == 0
            ? $"Proposal {Code} is {Status}: only a Centre officer may attach papers to it now."
            : $"Proposal {Code} is {Status}: you may attach {string.Join(", ", allowed)} now; other papers are attached by a Centre officer.")
        {
            Vietnamese = allowed.Count == 0
                ? $"Đề án {Code} đang ở trạng thái {Contracts.CodeNames.VietnameseOf(Status)}: lúc này chỉ cán bộ Trung tâm được đính kèm tài liệu."
                : $"Đề án {Code} đang ở trạng thái {Contracts.CodeNames.VietnameseOf(Status)}: bạn được đính kèm {string.Join(", ", allowed.Select(k => Contracts.CodeNames.VietnameseOf(k)))}; tài liệu khác do cán bộ Trung tâm đính kèm.",
        };
    }

    /// <summary>Records in the history that a paper was attached (its name in <see cref="ProposalTransition.Document"/>).</summary>
    public void RecordAttachment(DocumentKind kind, string fileName, DateTimeOffset now, string actedBy) =>
        _history.Add(Entry(now, actedBy, null) with
        {
            Kind = HistoryEntryKind.AttachmentAdded,
            Document = fileName,
            Changes = [new FieldChange("kind", null, kind.ToString())],
        });

    /// <summary>Records in the history that a paper was withdrawn, and why.</summary>
    public void RecordAttachmentWithdrawn(DocumentKind kind, string fileName, string reason, DateTimeOffset now, string actedBy) =>
        _history.Add(Entry(now, actedBy, reason) with
        {
            Kind = HistoryEntryKind.AttachmentWithdrawn,
            Document = fileName,
            Changes = [new FieldChange("kind", kind.ToString(), null)],
        });
}
