using System.Globalization;

namespace Crm.Benchmarks;

/// <summary>Minimal <c>--name value</c> option parsing; unknown options are errors so typos do not pass silently.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new UsageException($"Unexpected argument '{arg}'.");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"Option '{arg}' needs a value.");
            _options[arg[2..]] = args[++i];
        }
    }

    public string? Text(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public string RequiredText(string name) => Text(name) ?? throw new UsageException($"Option '--{name}' is required.");

    public int Number(string name, int fallback, int minimum, int maximum)
    {
        var text = Text(name);
        if (text is null)
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            throw new UsageException($"Option '--{name}' must be a whole number from {minimum} to {maximum}.");
        return value;
    }

    /// <summary>Call after reading every known option.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new UsageException("Unknown option(s): " + string.Join(", ", unknown.Select(k => "--" + k)));
    }
}

internal sealed class UsageException(string message) : Exception(message);
