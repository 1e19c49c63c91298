namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>PORTAL004: options reach the session call without <c>Configuration</c> in a release build (or always, by option).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnpinnedConfigurationAnalyzer() : PortalAnalyzer(PortalDiagnostics.UnpinnedConfiguration)
    {
        /// <summary>Diagnostic property: the configuration id from <c>accrue_portal.configuration_id</c>, for the fix.</summary>
        internal const string ConfigurationIdProperty = "ConfigurationId";

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var symbols = portal.Requests;
            if (symbols is null)
            {
                return;
            }

            var isRelease = PortalOptions.IsReleaseBuild(start.Options, start.Compilation);
            symbols.RegisterSessionRequestAnalysis(start, (c, requests) => Analyze(c, requests, isRelease));
        }

        private static void Analyze(OperationBlockAnalysisContext context, ImmutableArray<PortalRequest> requests, bool isRelease)
        {
            var tree = context.OperationBlocks[0].Syntax.SyntaxTree;
            var mode = PortalOptions.GetString(context.Options, tree, PortalOptions.RequireConfiguration) ?? "release";
            var always = string.Equals(mode, "always", StringComparison.OrdinalIgnoreCase);
            var required = always || (isRelease && !string.Equals(mode, "never", StringComparison.OrdinalIgnoreCase));
            if (!required)
            {
                return;
            }

            var configurationId = PortalOptions.GetString(context.Options, tree, PortalOptions.ConfigurationId);
            var reported = new HashSet<Location>();
            foreach (var request in requests)
            {
                if (!request.Lookup(PortalApiRules.ConfigurationPath).IsAbsent || !reported.Add(request.Location))
                {
                    continue;
                }

                // The creation first (the fix edits it), then the call that sends an object created in another method.
                var creation = request.Root?.Creation;
                var fixable = configurationId is not null && creation is not null;
                var additional = new List<Location>(2);
                if (fixable)
                {
                    additional.Add(creation!.GetLocation());
                }

                if (request.SentAt is { } sentAt)
                {
                    additional.Add(sentAt);
                }

                context.ReportOutsideGeneratedCode(Diagnostic.Create(
                    PortalDiagnostics.UnpinnedConfiguration,
                    request.Location,
                    additional,
                    fixable ? ImmutableDictionary<string, string?>.Empty.Add(ConfigurationIdProperty, configurationId) : null,
                    always ? string.Empty : " in a Release build"));
            }
        }
    }
}
