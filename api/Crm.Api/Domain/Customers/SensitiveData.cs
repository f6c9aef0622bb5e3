namespace Crm.Api.Domain.Customers;

/// <summary>How key persons' personal information is shown to someone not entitled to it (e.g. 138****5678).</summary>
public static class SensitiveData
{
    /// <summary>Key-person fields whose values are personal information (beyond the soft facts, which history never stores).</summary>
    public static readonly IReadOnlySet<string> ContactFields = new HashSet<string>(StringComparer.Ordinal) { "phone", "email", "birthday", "anniversaries" };

    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
            return phone;
        var digits = phone.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length >= 7 ? digits[..3] + "****" + digits[^4..] : "****";
    }

    public static string? MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
            return email;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    /// <summary>Masks a history value when its field is a key person's contact field (keyPersons[12].phone …).</summary>
    public static string? MaskHistoryValue(string field, string? value)
    {
        var dot = field.LastIndexOf('.');
        if (value is null || !field.StartsWith("keyPersons[", StringComparison.Ordinal) || dot < 0)
            return value;
        return field[(dot + 1)..] switch
        {
            "phone" => MaskPhone(value),
            "email" => MaskEmail(value),
            "birthday" or "anniversaries" => "***",
            _ => value,
        };
    }
}
