namespace Crm.Api.Domain.Activities;

/// <summary>How we were in touch with the customer (跟进方式).</summary>
public enum ActivityKind
{
    /// <summary>走访 / 拜访</summary>
    Visit,

    /// <summary>电话</summary>
    Call,

    /// <summary>邮件</summary>
    Email,

    /// <summary>短信、微信等消息</summary>
    Message,

    /// <summary>会议 / 座谈</summary>
    Meeting,

    /// <summary>礼品</summary>
    Gift,

    /// <summary>节日或生日问候</summary>
    Greeting,
}

/// <summary>An activity's content as entered: who of ours took part, whom of the customer's people, what came of it.</summary>
public sealed record ActivityDetails(
    ActivityKind Kind,
    DateOnly OccurredOn,
    IReadOnlyList<long> ParticipantIds,
    IReadOnlyList<long> KeyPersonIds,
    string Notes,
    string? Outcome,
    string? NextStep,
    DateOnly? NextStepDue);

/// <summary>
/// A follow-up activity with a customer (跟进记录 / 走访记录): a visit, call, e-mail, message, meeting, gift or greeting.
/// Its author, creation and last change are kept with it.
/// </summary>
public sealed class Activity
{
    public const int NotesMaxLength = 4000;
    public const int OutcomeMaxLength = 2000;
    public const int NextStepMaxLength = 1000;
    public const int MaxParticipants = 20;
    public const int MaxKeyPersons = 20;

    private readonly List<ActivityParticipant> _participants = [];
    private readonly List<ActivityKeyPerson> _keyPersons = [];

    private Activity() { }

    public Activity(long customerId, ActivityDetails details, DateTimeOffset now, long byStaffId)
    {
        CustomerId = customerId;
        Apply(details);
        CreatedAt = UpdatedAt = now;
        CreatedById = UpdatedById = byStaffId;
        Version = 1;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public string Notes { get; private set; } = "";
    public string? Outcome { get; private set; }
    public string? NextStep { get; private set; }
    public DateOnly? NextStepDue { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long CreatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long UpdatedById { get; private set; }
    public int Version { get; private set; }

    /// <summary>Our people who took part, in the order given.</summary>
    public IReadOnlyList<ActivityParticipant> Participants => _participants;

    /// <summary>The customer's key persons who were met or addressed.</summary>
    public IReadOnlyList<ActivityKeyPerson> KeyPersons => _keyPersons;

    public ActivityDetails Details => new(Kind, OccurredOn, _participants.OrderBy(p => p.Position).Select(p => p.StaffId).ToList(),
        _keyPersons.Select(k => k.KeyPersonId).Order().ToList(), Notes, Outcome, NextStep, NextStepDue);

    /// <summary>Replaces the content; false (and no new version) when nothing differs.</summary>
    public bool Update(ActivityDetails details, DateTimeOffset now, long byStaffId)
    {
        var before = Details;
        if (before.Kind == details.Kind && before.OccurredOn == details.OccurredOn && before.ParticipantIds.SequenceEqual(details.ParticipantIds)
            && before.KeyPersonIds.SequenceEqual(details.KeyPersonIds.Distinct().Order()) && before.Notes == details.Notes.Trim()
            && before.Outcome == details.Outcome && before.NextStep == details.NextStep && before.NextStepDue == details.NextStepDue)
            return false;
        Apply(details);
        UpdatedAt = now;
        UpdatedById = byStaffId;
        Version++;
        return true;
    }

    private void Apply(ActivityDetails d)
    {
        if (d.ParticipantIds.Count == 0 || d.ParticipantIds.Count > MaxParticipants || d.ParticipantIds.Distinct().Count() != d.ParticipantIds.Count)
            throw new ArgumentException($"1 to {MaxParticipants} distinct participants.", nameof(d));
        if (d.KeyPersonIds.Distinct().Count() > MaxKeyPersons)
            throw new ArgumentException($"At most {MaxKeyPersons} key persons.", nameof(d));
        if (string.IsNullOrWhiteSpace(d.Notes))
            throw new ArgumentException("Notes are required.", nameof(d));
        if (d.NextStepDue is { } due && due < d.OccurredOn)
            throw new ArgumentException("The next step cannot be due before the activity.", nameof(d));
        Kind = d.Kind;
        OccurredOn = d.OccurredOn;
        Notes = d.Notes.Trim();
        Outcome = d.Outcome;
        NextStep = d.NextStep;
        NextStepDue = d.NextStepDue;

        // Matched by id, so an unchanged link keeps its row.
        _participants.RemoveAll(p => !d.ParticipantIds.Contains(p.StaffId));
        for (var i = 0; i < d.ParticipantIds.Count; i++)
        {
            var staffId = d.ParticipantIds[i];
            var existing = _participants.Find(p => p.StaffId == staffId);
            if (existing is null)
                _participants.Add(new ActivityParticipant(staffId, i));
            else
                existing.Position = i;
        }
        var keyPersonIds = d.KeyPersonIds.Distinct().ToList();
        _keyPersons.RemoveAll(k => !keyPersonIds.Contains(k.KeyPersonId));
        foreach (var id in keyPersonIds.Where(id => _keyPersons.All(k => k.KeyPersonId != id)))
            _keyPersons.Add(new ActivityKeyPerson(id));
    }
}

/// <summary>One of our people who took part in an activity.</summary>
public sealed class ActivityParticipant
{
    private ActivityParticipant() { }

    internal ActivityParticipant(long staffId, int position)
    {
        StaffId = staffId;
        Position = position;
    }

    public long ActivityId { get; private set; }
    public long StaffId { get; private set; }

    /// <summary>Order as entered (the first is usually who led it).</summary>
    public int Position { get; internal set; }
}

/// <summary>A key person of the customer the activity concerned.</summary>
public sealed class ActivityKeyPerson
{
    private ActivityKeyPerson() { }

    internal ActivityKeyPerson(long keyPersonId) => KeyPersonId = keyPersonId;

    public long ActivityId { get; private set; }
    public long KeyPersonId { get; private set; }
}
