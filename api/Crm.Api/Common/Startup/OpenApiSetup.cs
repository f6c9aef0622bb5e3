using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Crm.Api.Common.Startup;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddCrmOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Crm API",
                Version = "v1",
                Description = "客户管理系统 API: customer archives, organisation, authentication. Errors are RFC 9457 problem+json.",
            });
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/v1/auth/token.",
            });
            o.OperationFilter<AuthResponsesOperationFilter>();
            o.OperationFilter<IdempotencyKeyOperationFilter>();
            o.OperationFilter<ClientCredentialsOperationFilter>();
            o.SchemaFilter<ExamplesSchemaFilter>();
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            var xml = Path.Combine(AppContext.BaseDirectory, Assembly.GetExecutingAssembly().GetName().Name + ".xml");
            if (File.Exists(xml))
                o.IncludeXmlComments(xml);
            // Nested or generic names would make unstable or unreadable schema names for the generated client.
            o.CustomSchemaIds(SchemaId);
        });
        return services;
    }

    private static string SchemaId(Type type)
    {
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return string.Concat(type.GetGenericArguments().Select(SchemaId)) + name;
    }

    /// <summary>Every operation that needs a token says so, with its 401; anonymous ones don't.</summary>
    private sealed class AuthResponsesOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
                return;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
            operation.Responses ??= new OpenApiResponses();
            if (!operation.Responses.ContainsKey("401"))
                operation.Responses["401"] = new OpenApiResponse
                {
                    Description = "No token, or an expired, invalid or revoked one.",
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) },
                    },
                };
        }
    }

    /// <summary>The optional Idempotency-Key header on every POST and PATCH it applies to, with its 409 and 422.</summary>
    private sealed class IdempotencyKeyOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var method = context.ApiDescription.HttpMethod ?? "";
            if (!Common.Http.Idempotency.AppliesTo(method, "/" + (context.ApiDescription.RelativePath ?? "").TrimStart('/')))
                return;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Common.Http.Idempotency.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Optional (draft-ietf-httpapi-idempotency-key-header): a unique key per intended request, e.g. a UUID. Retrying with the " +
                              "same key and body replays the stored response (header Idempotent-Replayed: true) without a second effect; keys are kept " +
                              "24 hours per client or person. The same key with another body answers 422, a retry while the first is running 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Common.Http.Idempotency.MaxKeyLength },
            });
            operation.Responses ??= new OpenApiResponses();
            foreach (var (status, description) in new[] { ("409", "Conflict, or a request with this Idempotency-Key is still being processed."),
                         ("422", "The Idempotency-Key was already used for a different request.") })
                if (!operation.Responses.ContainsKey(status))
                    operation.Responses[status] = new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, IOpenApiMediaType>
                        {
                            ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) },
                        },
                    };
        }
    }

    /// <summary>POST /api/v1/auth/token also takes the OAuth 2.0 client-credentials grant, form-encoded (a second endpoint chosen by Content-Type).</summary>
    private sealed class ClientCredentialsOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.OperationId != "IssueToken" || operation.RequestBody is not OpenApiRequestBody body)
                return;
            body.Content ??= new Dictionary<string, IOpenApiMediaType>();
            body.Content["application/x-www-form-urlencoded"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(typeof(Features.Auth.ClientCredentialsRequest), context.SchemaRepository),
            };
            operation.Description += " API clients use the OAuth 2.0 client-credentials grant (RFC 6749 §4.4) form-encoded instead: grant_type=client_credentials, " +
                                     "credentials by HTTP Basic or client_id/client_secret, optional scope. They get {access_token, token_type, expires_in, scope}, " +
                                     "or an RFC 6749 §5.2 error {error, error_description} with 400 (401 for invalid_client).";
        }
    }

    /// <summary>Examples for the main bodies, taken from <see cref="OpenApiExamples"/>.</summary>
    private sealed class ExamplesSchemaFilter : ISchemaFilter
    {
        private static readonly JsonSerializerOptions Json = CreateJson();

        private static JsonSerializerOptions CreateJson()
        {
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            return options;
        }

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is OpenApiSchema concrete && OpenApiExamples.For(context.Type) is { } example)
#pragma warning disable CS0618 // the document is OpenAPI 3.0, where a schema has one "example"
                concrete.Example = JsonSerializer.SerializeToNode(example, context.Type, Json) ?? JsonValue.Create((string?)null);
#pragma warning restore CS0618
        }
    }
}
