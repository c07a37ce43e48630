namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>Hand-written project.assets.json files, shaped like NuGet restore output but small enough to read.</summary>
internal static class ProjectAssetsFixtures
{
    /// <summary>
    /// Orders.Api targeting net8.0 and net10.0 (net8.0 also restored for linux-x64). Direct: Newtonsoft.Json (net8.0)
    /// and Microsoft.Extensions.Logging.Abstractions (both, at different versions). Transitive:
    /// Microsoft.Extensions.DependencyInjection.Abstractions (both), System.IO.Pipelines (linux-x64 only).
    /// Orders.Domain is a project reference.
    /// </summary>
    public const string TwoFrameworks = """
        {
          "version": 3,
          "targets": {
            "net8.0": {
              "Microsoft.Extensions.DependencyInjection.Abstractions/8.0.0": {
                "type": "package",
                "compile": { "lib/net8.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll": {} },
                "runtime": { "lib/net8.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll": {} }
              },
              "Microsoft.Extensions.Logging.Abstractions/8.0.0": {
                "type": "package",
                "dependencies": { "Microsoft.Extensions.DependencyInjection.Abstractions": "8.0.0" },
                "compile": { "lib/net8.0/Microsoft.Extensions.Logging.Abstractions.dll": {} }
              },
              "Newtonsoft.Json/13.0.3": {
                "type": "package",
                "compile": { "lib/net6.0/Newtonsoft.Json.dll": {} }
              },
              "Orders.Domain/1.0.0": {
                "type": "project",
                "framework": ".NETCoreApp,Version=v8.0",
                "compile": { "bin/placeholder/Orders.Domain.dll": {} }
              }
            },
            "net8.0/linux-x64": {
              "Microsoft.Extensions.DependencyInjection.Abstractions/8.0.0": { "type": "package" },
              "Microsoft.Extensions.Logging.Abstractions/8.0.0": { "type": "package" },
              "Newtonsoft.Json/13.0.3": { "type": "package" },
              "System.IO.Pipelines/8.0.0": { "type": "package" },
              "Orders.Domain/1.0.0": { "type": "project" }
            },
            "net10.0": {
              "Microsoft.Extensions.DependencyInjection.Abstractions/10.0.0": { "type": "package" },
              "Microsoft.Extensions.Logging.Abstractions/10.0.0": {
                "type": "package",
                "dependencies": { "Microsoft.Extensions.DependencyInjection.Abstractions": "10.0.0" }
              },
              "Orders.Domain/1.0.0": { "type": "project", "framework": ".NETCoreApp,Version=v10.0" }
            }
          },
          "libraries": {
            "Microsoft.Extensions.DependencyInjection.Abstractions/8.0.0": {
              "sha512": "cjWrLkJXK0rs4zofsK4bSdg+jhDLTaxrkXu4gS6Y7MAlCvRyNNgwY/lJi5RDlQOnSZweHqoyvgvbdvQsRIW+hg==",
              "type": "package",
              "path": "microsoft.extensions.dependencyinjection.abstractions/8.0.0"
            },
            "Microsoft.Extensions.DependencyInjection.Abstractions/10.0.0": {
              "sha512": "L3AdmZ1WOK4XXT5YFPEwyt0ep6l8lGIPs7F5OOBZc77Zqeo01Of7XXICy47628sdVl0v/owxYJTe86DTgFwKCA==",
              "type": "package",
              "path": "microsoft.extensions.dependencyinjection.abstractions/10.0.0"
            },
            "Microsoft.Extensions.Logging.Abstractions/8.0.0": {
              "sha512": "arDBqTgFCyS0EvRV7O3MZturChstm50OJ0y9bDJvAcmEPJm0FFpFyjU/JLYyStNGGey081DvnQYlncNX5SJJGA==",
              "type": "package",
              "path": "microsoft.extensions.logging.abstractions/8.0.0"
            },
            "Microsoft.Extensions.Logging.Abstractions/10.0.0": {
              "sha512": "FU/IfjDfwaMuKr414SSQNTIti/69bHEMb+QKrskRb26oVqpx3lNFXMjs/RC9ZUuhBhcwDM2BwOgoMw+PZ+beqQ==",
              "type": "package",
              "path": "microsoft.extensions.logging.abstractions/10.0.0"
            },
            "Newtonsoft.Json/13.0.3": {
              "sha512": "HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ==",
              "type": "package",
              "path": "newtonsoft.json/13.0.3"
            },
            "System.IO.Pipelines/8.0.0": {
              "sha512": "FHNOatmUq0sqJOkTx+UF/9YK1f180cnW5FVqnQMvYUN0elp6wFzbtPSiqbo1/ru8ICp43JM1i7kKkk6GsNGHlA==",
              "type": "package",
              "path": "system.io.pipelines/8.0.0"
            },
            "Orders.Domain/1.0.0": {
              "type": "project",
              "path": "../Orders.Domain/Orders.Domain.csproj",
              "msbuildProject": "../Orders.Domain/Orders.Domain.csproj"
            }
          },
          "project": {
            "version": "1.0.0",
            "restore": { "projectName": "Orders.Api" },
            "frameworks": {
              "net8.0": {
                "targetAlias": "net8.0",
                "dependencies": {
                  "Microsoft.Extensions.Logging.Abstractions": { "target": "Package", "version": "[8.0.0, )" },
                  "newtonsoft.json": { "target": "Package", "version": "[13.0.3, )" }
                }
              },
              "net10.0": {
                "targetAlias": "net10.0",
                "dependencies": {
                  "Microsoft.Extensions.Logging.Abstractions": { "target": "Package", "version": "[10.0.0, )" }
                }
              }
            }
          }
        }
        """;
}
