#pragma once

#include "ExchangeOptions.h"
#include "ExchangeReport.h"

#include <QByteArray>

class ProjectSession;

// W3C Web Annotation JSON-LD. Export: one AnnotationCollection; each
// annotation has id urn:uuid:<its UUID>, creator = coder, created and
// modified, a body per code (purpose classifying, value "Category > Code"),
// the note (commenting) and claim attributes (describing), and a target on
// urn:uuid:<article UUID> with a TextQuoteSelector (exact, prefix, suffix)
// and a TextPositionSelector in code points, as the model says.
// Import (collections, pages, arrays or single annotations, Hypothesis
// too): places each annotation by its position if the quote is there, else
// by the quote with prefix and suffix (tolerating different whitespace),
// and reports those it cannot place. Hypothesis counts positions in UTF-16
// units; they are converted.
class WebAnnotations
{
public:
    static QByteArray toJson(const ProjectSession &session, const ExchangeOptions &options,
                             ExchangeReport &report);
    static ExchangeReport importFile(ProjectSession &session, const QString &path,
                                     const ExchangeOptions &options = {});
    // True for JSON that holds annotations (a quick look at the start).
    static bool recognises(const QString &path);
};
