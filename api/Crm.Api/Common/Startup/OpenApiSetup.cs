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
