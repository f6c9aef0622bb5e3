namespace Crm.Api.Domain.Customers;

public sealed record KeyPersonDetails(
    string Name,
    string? Title,
    KeyPersonLevel Level,
    string? Phone,
    string? Email,
    DateOnly? Birthday,
    string? Anniversaries,
    string? Personality,
    string? Interests,
    string? Education,
    int? Age,
    string? Family);

/// <summary>客户关键人员. The soft facts (personality, interests, education, age, family) are sensitive personal data.</summary>
public sealed class KeyPerson
{
    private KeyPerson() { }

    internal KeyPerson(Customer customer, KeyPersonDetails details)
    {
        Customer = customer;
        CustomerId = customer.Id;
        Apply(details);
        Version = 1;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public Customer? Customer { get; private set; }
    public string Name { get; private set; } = "";
    public string? Title { get; private set; }
    public KeyPersonLevel Level { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateOnly? Birthday { get; private set; }
    public string? Anniversaries { get; private set; }
    public string? Personality { get; private set; }
    public string? Interests { get; private set; }
    public string? Education { get; private set; }
    public int? Age { get; private set; }
    public string? Family { get; private set; }
    public int Version { get; private set; }

    public KeyPersonDetails Details => new(Name, Title, Level, Phone, Email, Birthday, Anniversaries, Personality, Interests, Education, Age, Family);

    public IReadOnlyList<FieldChange> Update(KeyPersonDetails details)
    {
        var changes = new List<FieldChange>();
        var before = Details;
        var prefix = $"keyPersons[{Id}].";
        Customer.AddIfChanged(changes, prefix + "name", before.Name, details.Name.Trim());
        Customer.AddIfChanged(changes, prefix + "title", before.Title, details.Title);
        Customer.AddIfChanged(changes, prefix + "level", before.Level, details.Level);
        Customer.AddIfChanged(changes, prefix + "phone", before.Phone, details.Phone);
        Customer.AddIfChanged(changes, prefix + "email", before.Email, details.Email);
        Customer.AddIfChanged(changes, prefix + "birthday", before.Birthday, details.Birthday);
        Customer.AddIfChanged(changes, prefix + "anniversaries", before.Anniversaries, details.Anniversaries);
        // The soft facts are sensitive: the history records that they changed, never their values.
        foreach (var (field, changed) in new[]
                 {
                     ("personality", before.Personality != details.Personality),
                     ("interests", before.Interests != details.Interests),
                     ("education", before.Education != details.Education),
                     ("age", before.Age != details.Age),
                     ("family", before.Family != details.Family),
                 })
            if (changed)
                changes.Add(new FieldChange(prefix + field, "***", "***"));
        if (changes.Count > 0)
        {
            Apply(details);
            Version++;
        }
        return changes;
    }

    private void Apply(KeyPersonDetails d)
    {
        Name = d.Name.Trim();
        Title = d.Title;
        Level = d.Level;
        Phone = d.Phone;
        Email = d.Email;
        Birthday = d.Birthday;
        Anniversaries = d.Anniversaries;
        Personality = d.Personality;
        Interests = d.Interests;
        Education = d.Education;
        Age = d.Age;
        Family = d.Family;
    }
}
