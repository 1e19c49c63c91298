namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>
    /// PORTAL000: an <c>accrue_portal.*</c> key the package does not read, or a value that names nothing (a method, member
    /// or type that is not in the compilation, a mode that does not exist). Such an option is silently ignored: the user
    /// believes a check is declared and switches the rule off over the false positive that follows. Reported once per
    /// compilation, at its end, for every distinct key and value of the global options and of every file's options.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OptionMatchesNothingAnalyzer() : PortalAnalyzer(PortalDiagnostics.OptionMatchesNothing)
    {
        // RS1013 asks for a plain compilation action; the start action is the Stripe.net bail every PORTAL analyzer
        // makes, so a project without Stripe.net registers nothing past it.
#pragma warning disable RS1013
        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal) =>
            start.RegisterCompilationEndAction(Analyze);
#pragma warning restore RS1013

        private static void Analyze(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var seenOptions = new HashSet<AnalyzerConfigOptions>(ReferenceIdentity<AnalyzerConfigOptions>.Instance);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            Check(context, provider.GlobalOptions, seenOptions, reported);
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                Check(context, provider.GetOptions(tree), seenOptions, reported);
            }
        }

        private static void Check(CompilationAnalysisContext context, AnalyzerConfigOptions options, HashSet<AnalyzerConfigOptions> seenOptions, HashSet<string> reported)
        {
            // Files of one .editorconfig section share their options object.
            if (!seenOptions.Add(options))
            {
                return;
            }

            foreach (var key in options.Keys)
            {
                if (!key.StartsWith(PortalOptions.Prefix, StringComparison.OrdinalIgnoreCase)
                    || !options.TryGetValue(key, out var value)
                    || !reported.Add(key + "=" + value))
                {
                    continue;
                }

                foreach (var problem in Problems(key, value.Trim(), context.Compilation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(PortalDiagnostics.OptionMatchesNothing, Location.None, problem));
                }
            }
        }

        private static IEnumerable<string> Problems(string key, string value, Compilation compilation)
        {
            var known = PortalOptions.Keys.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
            if (known.Key is null)
            {
                var nearest = NearestValue.Find(key.Substring(PortalOptions.Prefix.Length), PortalOptions.Keys.Select(k => k.Key.Substring(PortalOptions.Prefix.Length)).ToList());
                yield return $"'{key}' is not an Accrue.Portal option{Suggest(nearest is null ? null : PortalOptions.Prefix + nearest)}";
                yield break;
            }

            switch (known.Kind)
            {
                case OptionValueKind.Boolean when !bool.TryParse(value, out _):
                    yield return $"'{key} = {value}' is neither true nor false";
                    break;
                case OptionValueKind.RequireConfigurationMode when !PortalOptions.RequireConfigurationValues.Contains(value.ToLowerInvariant()):
                    yield return $"'{key} = {value}' is not one of {string.Join(", ", PortalOptions.RequireConfigurationValues)}{Suggest(NearestValue.Find(value, PortalOptions.RequireConfigurationValues))}";
                    break;
                case OptionValueKind.ConfigurationId when !value.StartsWith(PortalApiRules.ConfigurationIdPrefix, StringComparison.Ordinal):
                    yield return $"'{key} = {value}' is not a portal configuration id ({PortalApiRules.ConfigurationIdPrefix}…)";
                    break;
                case OptionValueKind.Methods:
                    foreach (var entry in value.Split(','))
                    {
                        var name = QualifiedName.Normalize(entry);
                        if (name.Length > 0 && !OptionSymbols.AnyMethodNamed(name, compilation))
                        {
                            yield return $"'{key} = {name}' names no method in this compilation or its references{Suggest(NearestSourceMember(name, compilation, asDocumentationId: false))}";
                        }
                    }

                    break;
                case OptionValueKind.DocumentationIds:
                    foreach (var id in PortalOptions.SplitDocumentationIds(value))
                    {
                        if (OptionSymbols.ForDocumentationId(id, compilation).IsEmpty)
                        {
                            yield return $"'{key} = {id}' names no member or type in this compilation or its references{Suggest(NearestSourceMember(id, compilation, asDocumentationId: true))}";
                        }
                    }

                    break;
            }
        }

        private static string Suggest(string? nearest) => nearest is null ? string.Empty : $"; did you mean '{nearest}'?";

        /// <summary>
        /// The source member or type whose name is closest to the last name of <paramref name="written"/> (the declaration
        /// table is searched by name, so no symbol is built for the others), qualified as the option would name it.
        /// </summary>
        private static string? NearestSourceMember(string written, Compilation compilation, bool asDocumentationId)
        {
            var path = asDocumentationId && written.Length > 2 && written[1] == ':' ? written.Substring(2) : written;
            var parameters = path.IndexOf('(');
            path = parameters < 0 ? path : path.Substring(0, parameters);
            var wanted = path.Substring(path.LastIndexOf('.') + 1).ToLowerInvariant();
            if (wanted.Length == 0)
            {
                return null;
            }

            var allowed = Math.Max(1, wanted.Length / 3);
            var filter = asDocumentationId ? SymbolFilter.TypeAndMember : SymbolFilter.Member;
            ISymbol? best = null;
            var bestDistance = int.MaxValue;
            foreach (var symbol in compilation.GetSymbolsWithName(name => NearestValue.EditDistance(name.ToLowerInvariant(), wanted) <= allowed, filter))
            {
                var distance = NearestValue.EditDistance(symbol.Name.ToLowerInvariant(), wanted);
                if ((asDocumentationId || symbol is IMethodSymbol) && distance < bestDistance)
                {
                    best = symbol;
                    bestDistance = distance;
                }
            }

            return best switch
            {
                null => null,
                _ when asDocumentationId => DocumentationCommentId.CreateDeclarationId(best),
                { ContainingType: { } type } => QualifiedName.Of(type) + "." + best.Name,
                _ => best.Name,
            };
        }
    }
}
