namespace Crm.Api.Common.Errors;

public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    PreconditionRequired,
    TooManyRequests,
}

/// <summary>An expected failure. <paramref name="Code"/> is stable for clients; <paramref name="Detail"/> is for people (zh-CN).</summary>
public sealed record Error(
    ErrorKind Kind,
    string Code,
    string Detail,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null,
    TimeSpan? RetryAfter = null)
{
    public static Error NotFound(string what) => new(ErrorKind.NotFound, "notFound", $"{what}不存在。");
    public static Error Forbidden(string detail) => new(ErrorKind.Forbidden, "forbidden", detail);
    public static Error Conflict(string code, string detail) => new(ErrorKind.Conflict, code, detail);

    public static Error Field(string field, string message, string code = "validation") =>
        new(ErrorKind.Validation, code, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Error PreconditionRequired() =>
        new(ErrorKind.PreconditionRequired, "ifMatchRequired", "修改需要 If-Match 请求头（取自上次读取时的 ETag）。");

    public static Error PreconditionFailed() =>
        new(ErrorKind.PreconditionFailed, "staleVersion", "记录已被他人修改，请重新加载后再试。");
}

/// <summary>Either a value or an <see cref="Error"/>; handlers return this for outcomes a client can cause.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>The value of a command that returns nothing but may fail.</summary>
public readonly record struct Success;
