using System.Text.Json;
using Crm.Api.Common.ReadLog;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.Errors;

/// <summary>
/// The one place exceptions become RFC 9457 responses. A client's mistake is never a 500 and no response carries a
/// stack trace; only the unexpected is logged as an error.
/// </summary>
internal sealed class GlobalExceptionHandler(IProblemDetailsService problems, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            ValidationException validation => Validation(validation),
            BadHttpRequestException bad => BadRequest(bad),
            NotSupportedException unsupported when IsMissingDiscriminator(unsupported) => MissingDiscriminator(unsupported),
            DbUpdateConcurrencyException => Simple(StatusCodes.Status412PreconditionFailed, "staleVersion", "记录已被他人修改，请重新加载后再试。"),
            DbUpdateException db when IsUniqueViolation(db) => Simple(StatusCodes.Status409Conflict, "duplicate", "与已有记录重复。"),
            _ when IsDatabaseBusy(exception) => Busy(http),
            ReadLogUnavailableException => ReadLogUnavailable(http, exception),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => Simple(499, "clientClosedRequest", "请求已取消。"),
            _ => Unexpected(exception),
        };

        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = null });
    }

    private static ValidationProblemDetails Validation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ProblemResults.TitleFor(400),
            Detail = "请求中有字段未通过校验。",
            Extensions = { ["code"] = "validation" },
        };
    }

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path.TrimStart('$', '.');
            return new ValidationProblemDetails(new Dictionary<string, string[]> { [field == "" ? "$" : field] = ["值的格式或类型不正确。"] })
            {
                Status = 400,
                Title = ProblemResults.TitleFor(400),
                Detail = "请求体不是有效的 JSON，或字段类型不正确。",
                Extensions = { ["code"] = "malformedJson" },
            };
        }
        var status = exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : 400;
        return Simple(status, "badRequest", "请求格式不正确：" + exception.Message);
    }

    // System.Text.Json reports a polymorphic body member without its "kind" as NotSupportedException, not JsonException,
    // and only while reading a request: it is the client's mistake.
    private static bool IsMissingDiscriminator(NotSupportedException exception) =>
        exception.Source == "System.Text.Json" && exception.Message.Contains("must specify a type discriminator", StringComparison.Ordinal);

    private static ValidationProblemDetails MissingDiscriminator(NotSupportedException exception)
    {
        var match = System.Text.RegularExpressions.Regex.Match(exception.Message, @"Path: \$\.?(?<path>[^ |]*)");
        var field = match.Success && match.Groups["path"].Value.Length > 0 ? match.Groups["path"].Value : "$";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["缺少类型标识 kind（如 linear、lookup）。"] })
        {
            Status = 400,
            Title = ProblemResults.TitleFor(400),
            Detail = "请求体不是有效的 JSON，或字段类型不正确。",
            Extensions = { ["code"] = "malformedJson" },
        };
    }

    private ProblemDetails Busy(HttpContext http)
    {
        logger.LogWarning("Database busy beyond its timeout on {Path}", http.Request.Path);
        http.Response.Headers.RetryAfter = "2";
        return Simple(StatusCodes.Status503ServiceUnavailable, "databaseBusy", "数据库繁忙，请稍后重试。");
    }

    private ProblemDetails ReadLogUnavailable(HttpContext http, Exception exception)
    {
        logger.LogWarning(exception, "Read of {Path} refused: it could not be logged", http.Request.Path);
        http.Response.Headers.RetryAfter = "2";
        return Simple(StatusCodes.Status503ServiceUnavailable, "readLogUnavailable", "查阅日志暂时无法记录，本次查阅未执行，请稍后重试。");
    }

    private ProblemDetails Unexpected(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        return Simple(StatusCodes.Status500InternalServerError, "internalError", "服务器内部错误，已记录。");
    }

    private static ProblemDetails Simple(int status, string code, string detail) => new()
    {
        Status = status,
        Title = ProblemResults.TitleFor(status),
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };

    private static bool IsDatabaseBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 })
                return true;
            if (e is Microsoft.Data.SqlClient.SqlException { Number: -2 or 1205 })
                return true;
        }
        return false;
    }
}
