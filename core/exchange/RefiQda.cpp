#include "RefiQda.h"

#include "ClaimFields.h"
#include "OriginalLayout.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <KZip>
#include <QBuffer>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStringDecoder>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <functional>
#include <memory>

namespace {

const QString kCodebookNs = QStringLiteral("urn:QDA-XML:codebook:1.0");
const QString kProjectNs = QStringLiteral("urn:QDA-XML:project:1.0");
const QUuid kNamespace(QStringLiteral("{8f3b1c52-6a1e-4f0e-9a7c-2f6d9d0b7a11}"));

// A GUID for something we have no UUID for (a coding, a note of an
// annotation), the same on every export.
QString derived(const QString &from)
{
    return QUuid::createUuidV5(kNamespace, from).toString(QUuid::WithoutBraces);
}

QString claimVariableGuid(const QString &name)
{
    return derived(QStringLiteral("framewise/claim/") + name);
}

QString xmlTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

void writeCodes(QXmlStreamWriter &w, const ProjectSession &session)
{
    const QList<Code> codes = session.codebook().codes();
    std::function<void(qint64, qint64)> children = [&](qint64 category, qint64 parent) {
        for (const Code &c : codes) {
            if (c.categoryId != category || c.parentId != parent)
                continue;
            w.writeStartElement(QStringLiteral("Code"));
            w.writeAttribute(QStringLiteral("guid"), c.uuid);
            w.writeAttribute(QStringLiteral("name"), c.name);
            w.writeAttribute(QStringLiteral("isCodable"), QStringLiteral("true"));
            if (Code::isColour(c.colour))
                w.writeAttribute(QStringLiteral("color"), c.colour.toUpper());
            if (!c.description.isEmpty())
                w.writeTextElement(QStringLiteral("Description"), c.description);
            children(category, c.id);
            w.writeEndElement();
        }
    };
    w.writeStartElement(QStringLiteral("Codes"));
    for (const Category &cat : session.codebook().categories()) {
        w.writeStartElement(QStringLiteral("Code"));
        w.writeAttribute(QStringLiteral("guid"), cat.uuid);
        w.writeAttribute(QStringLiteral("name"), cat.name);
        w.writeAttribute(QStringLiteral("isCodable"), QStringLiteral("false"));
        if (Code::isColour(cat.colour))
            w.writeAttribute(QStringLiteral("color"), cat.colour.toUpper());
        w.writeTextElement(
            QStringLiteral("Description"),
            QStringLiteral("Framewise category (%1)").arg(Category::kindName(cat.kind)));
        children(cat.id, 0);
        w.writeEndElement();
    }
    w.writeEndElement();
}

// Claim attributes as the standard allows them: a Text variable per
// attribute and a case per claim, holding the values and its selection.
// selections: the annotations written, by id.
void writeClaims(QXmlStreamWriter &w, const ProjectSession &session,
                 const QHash<qint64, Annotation> &selections)
{
    QList<Claim> claims;
    for (const Claim &c : session.annotations().claims()) {
        if (selections.contains(c.annotationId))
            claims << c;
    }
    if (claims.isEmpty())
        return;
    w.writeStartElement(QStringLiteral("Variables"));
    for (const QString &name : ClaimFields::names()) {
        w.writeStartElement(QStringLiteral("Variable"));
        w.writeAttribute(QStringLiteral("guid"), claimVariableGuid(name));
        w.writeAttribute(QStringLiteral("name"), name);
        w.writeAttribute(QStringLiteral("typeOfVariable"), QStringLiteral("Text"));
        w.writeTextElement(QStringLiteral("Description"), ClaimFields::description(name));
        w.writeEndElement();
    }
    w.writeEndElement();
    const ClaimFields fields(session);
    w.writeStartElement(QStringLiteral("Cases"));
    for (const Claim &c : std::as_const(claims)) {
        const Annotation &selection = selections[c.annotationId];
        w.writeStartElement(QStringLiteral("Case"));
        w.writeAttribute(QStringLiteral("guid"), c.uuid);
        w.writeAttribute(QStringLiteral("name"),
                         QStringLiteral("Claim: %1").arg(selection.quote.left(80)));
        for (const auto &[name, value] : fields.fields(c)) {
            w.writeStartElement(QStringLiteral("VariableValue"));
            w.writeEmptyElement(QStringLiteral("VariableRef"));
            w.writeAttribute(QStringLiteral("targetGUID"), claimVariableGuid(name));
            w.writeTextElement(QStringLiteral("TextValue"), value);
            w.writeEndElement();
        }
        w.writeEmptyElement(QStringLiteral("SelectionRef"));
        w.writeAttribute(QStringLiteral("targetGUID"), selection.uuid);
        w.writeEndElement();
    }
    w.writeEndElement();
}

// The reader of every REFI file: no DTD, so no entity is ever expanded.
void refuseDtd(QXmlStreamReader &r, const QString &origin)
{
    if (r.tokenType() == QXmlStreamReader::DTD
        || r.tokenType() == QXmlStreamReader::EntityReference)
        throw ProjectError(
            QStringLiteral("%1: line %2: a DTD or entity declaration is not allowed in REFI-QDA "
                           "files (refused, nothing resolved)")
                .arg(origin)
                .arg(r.lineNumber()));
}

struct CodeNode
{
    QString guid, name, colour, description;
    bool codable = true;
    QList<CodeNode> children;
};

// One <Code> (the reader is on its start) with its description and,
// recursively, its sub-codes.
CodeNode readCode(QXmlStreamReader &r, const QString &origin)
{
    CodeNode n;
    const auto a = r.attributes();
    n.guid = a.value(QLatin1String("guid"))
                 .toString()
                 .remove(QLatin1Char('{'))
                 .remove(QLatin1Char('}'))
                 .toLower();
    n.name = a.value(QLatin1String("name")).toString().trimmed();
    n.colour = a.value(QLatin1String("color")).toString().toLower();
    n.codable = a.value(QLatin1String("isCodable")) != QLatin1String("false");
    if (n.name.isEmpty())
        throw ProjectError(
            QStringLiteral("%1: line %2: <Code> without a name").arg(origin).arg(r.lineNumber()));
    while (r.readNextStartElement()) {
        if (r.name() == QLatin1String("Description"))
            n.description = r.readElementText();
        else if (r.name() == QLatin1String("Code"))
            n.children << readCode(r, origin);
        else
            r.skipCurrentElement();
    }
    return n;
}

// Reads the <Code> elements under the current one until its end.
QList<CodeNode> readCodes(QXmlStreamReader &r, const QString &origin)
{
    QList<CodeNode> out;
    while (r.readNextStartElement()) {
        if (r.name() == QLatin1String("Code"))
            out << readCode(r, origin);
        else
            r.skipCurrentElement();
    }
    return out;
}

struct CodeMap
{
    QHash<QString, qint64> byGuid; // file GUID -> our code id
};

void mergeCodes(ProjectSession &session, const QList<CodeNode> &top, ExchangeReport &report,
                CodeMap &map, const QString &defaultCategory)
{
    const auto categoryId = [&](const CodeNode &n) -> qint64 {
        if (auto c = session.codebook().categoryByName(n.name))
            return c->id;
        Category c;
        c.name = n.name;
        if (n.description.startsWith(QLatin1String("Framewise category ("))) {
            bool ok = false;
            const Category::Kind k = Category::kindFromName(
                n.description.section(QLatin1Char('('), 1).chopped(1), &ok);
            if (ok)
                c.kind = k;
        }
        if (Code::isColour(n.colour))
            c.colour = n.colour;
        c.position = int(session.codebook().categories().size());
        return session.codebook().addCategory(c);
    };
    std::function<void(const CodeNode &, qint64, qint64)> code
        = [&](const CodeNode &n, qint64 category, qint64 parent) {
              std::optional<Code> existing;
              if (!n.guid.isEmpty())
                  existing = session.codebook().codeByUuid(n.guid);
              if (!existing)
                  existing = session.codebook().codeByName(n.name);
              qint64 id = 0;
              if (existing) {
                  id = existing->id;
              } else {
                  Code c;
                  c.categoryId = category;
                  c.parentId = parent;
                  c.name = n.name;
                  c.description = n.description;
                  if (Code::isColour(n.colour))
                      c.colour = n.colour;
                  id = session.codebook().addCode(c);
                  ++report.codesAdded;
              }
              if (!n.guid.isEmpty())
                  map.byGuid.insert(n.guid, id);
              for (const CodeNode &k : n.children)
                  code(k, category, id);
          };
    for (const CodeNode &n : top) {
        if (!n.codable) {
            const qint64 cat = categoryId(n);
            for (const CodeNode &k : n.children)
                code(k, cat, 0);
        } else {
            CodeNode holder;
            holder.name = defaultCategory;
            code(n, categoryId(holder), 0);
        }
    }
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("%1: cannot read (%2)").arg(path, f.errorString()));
    return f.readAll();
}

} // namespace

QByteArray RefiQda::codebook(const ProjectSession &session)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDefaultNamespace(kCodebookNs);
    w.writeStartElement(QStringLiteral("CodeBook"));
    w.writeAttribute(QStringLiteral("origin"), QStringLiteral("Framewise " FRAMEWISE_VERSION));
    writeCodes(w, session);
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QByteArray RefiQda::projectXml(const ProjectSession &session, const ExchangeOptions &options,
                               ExchangeReport &report)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDefaultNamespace(kProjectNs);
    w.writeStartElement(QStringLiteral("Project"));
    w.writeAttribute(QStringLiteral("name"), QFileInfo(session.path()).completeBaseName());
    w.writeAttribute(QStringLiteral("origin"), QStringLiteral("Framewise " FRAMEWISE_VERSION));
    const QList<Coder> coders = session.coders().all();
    QHash<qint64, QString> coderGuid;
    if (!coders.isEmpty()) {
        w.writeStartElement(QStringLiteral("Users"));
        for (const Coder &c : coders) {
            coderGuid.insert(c.id, c.uuid);
            w.writeEmptyElement(QStringLiteral("User"));
            w.writeAttribute(QStringLiteral("guid"), c.uuid);
            w.writeAttribute(QStringLiteral("name"), c.name);
        }
        w.writeEndElement();
    }
    if (!session.codebook().categories().isEmpty()) {
        w.writeStartElement(QStringLiteral("CodeBook"));
        writeCodes(w, session);
        w.writeEndElement();
    }
    QHash<qint64, QString> codeGuid, codeName;
    for (const Code &c : session.codebook().codes()) {
        codeGuid.insert(c.id, c.uuid);
        codeName.insert(c.id, c.name);
    }
    struct NoteOut
    {
        QString guid, name, text;
        QString coder;
        QDateTime created;
    };
    QList<NoteOut> notes;
    const QList<ArticleSummary> summaries = session.articles().summaries();
    QHash<qint64, QList<Memo>> articleMemos;
    for (const Memo &m : session.memos().all()) {
        notes.append({m.uuid, m.title.isEmpty() ? QStringLiteral("Memo") : m.title, m.body,
                      coderGuid.value(m.coderId), m.created});
        if (m.target == Memo::Target::Article)
            articleMemos[m.targetId] << m;
    }
    // What goes out, chosen first: claims become cases before the sources.
    QHash<qint64, QList<std::pair<Annotation, QList<qint64>>>> selections; // by article
    QHash<qint64, Annotation> written;
    for (const ArticleSummary &s : summaries) {
        for (const Annotation &an : session.annotations().forArticle(s.id)) {
            if (!options.coders.isEmpty() && !options.coders.contains(an.coderName))
                continue;
            QList<qint64> codes;
            for (qint64 c : an.codeIds) {
                if (options.codes.isEmpty()
                    || options.codes.contains(codeName.value(c), Qt::CaseInsensitive))
                    codes << c;
            }
            if (!codes.isEmpty()) {
                selections[s.id].append({an, codes});
                written.insert(an.id, an);
            }
        }
    }
    writeClaims(w, session, written);
    if (!summaries.isEmpty()) {
        w.writeStartElement(QStringLiteral("Sources"));
        for (const ArticleSummary &s : summaries) {
            const Article a = *session.articles().get(s.id);
            w.writeStartElement(QStringLiteral("TextSource"));
            w.writeAttribute(QStringLiteral("guid"), a.uuid);
            w.writeAttribute(QStringLiteral("name"), a.title);
            w.writeAttribute(QStringLiteral("plainTextPath"),
                             QStringLiteral("internal://%1.txt").arg(a.uuid));
            w.writeAttribute(QStringLiteral("creationDateTime"), xmlTime(a.importedAt));
            if (!a.url.isEmpty())
                w.writeTextElement(QStringLiteral("Description"), a.url);
            ++report.sourcesWritten;
            for (const auto &[an, codes] : selections.value(a.id)) {
                w.writeStartElement(QStringLiteral("PlainTextSelection"));
                w.writeAttribute(QStringLiteral("guid"), an.uuid);
                w.writeAttribute(QStringLiteral("name"), an.quote.left(80));
                w.writeAttribute(QStringLiteral("startPosition"), QString::number(an.start));
                w.writeAttribute(QStringLiteral("endPosition"), QString::number(an.end));
                w.writeAttribute(QStringLiteral("creatingUser"), coderGuid.value(an.coderId));
                w.writeAttribute(QStringLiteral("creationDateTime"), xmlTime(an.created));
                w.writeAttribute(QStringLiteral("modifiedDateTime"), xmlTime(an.modified));
                for (qint64 c : codes) {
                    w.writeStartElement(QStringLiteral("Coding"));
                    w.writeAttribute(QStringLiteral("guid"), derived(an.uuid + codeGuid.value(c)));
                    w.writeAttribute(QStringLiteral("creatingUser"), coderGuid.value(an.coderId));
                    w.writeAttribute(QStringLiteral("creationDateTime"), xmlTime(an.created));
                    w.writeEmptyElement(QStringLiteral("CodeRef"));
                    w.writeAttribute(QStringLiteral("targetGUID"), codeGuid.value(c));
                    w.writeEndElement();
                }
                if (!an.note.isEmpty()) {
                    const QString guid = derived(an.uuid + QStringLiteral("/note"));
                    notes.append({guid, QStringLiteral("Note"), an.note,
                                  coderGuid.value(an.coderId), an.modified});
                    w.writeEmptyElement(QStringLiteral("NoteRef"));
                    w.writeAttribute(QStringLiteral("targetGUID"), guid);
                }
                w.writeEndElement();
                ++report.annotationsWritten;
            }
            for (const Memo &m : articleMemos.value(a.id)) {
                w.writeEmptyElement(QStringLiteral("NoteRef"));
                w.writeAttribute(QStringLiteral("targetGUID"), m.uuid);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    if (!notes.isEmpty()) {
        w.writeStartElement(QStringLiteral("Notes"));
        for (const NoteOut &n : notes) {
            w.writeStartElement(QStringLiteral("Note"));
            w.writeAttribute(QStringLiteral("guid"), n.guid);
            w.writeAttribute(QStringLiteral("name"), n.name);
            if (!n.coder.isEmpty())
                w.writeAttribute(QStringLiteral("creatingUser"), n.coder);
            if (n.created.isValid())
                w.writeAttribute(QStringLiteral("creationDateTime"), xmlTime(n.created));
            w.writeTextElement(QStringLiteral("PlainTextContent"), n.text);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

ExchangeReport RefiQda::exportProject(const ProjectSession &session, const QString &path,
                                      const ExchangeOptions &options)
{
    ExchangeReport report;
    report.format = QStringLiteral("qdpx");
    const QByteArray xml = projectXml(session, options, report);
    QFile::remove(path);
    KZip zip(path);
    if (!zip.open(QIODevice::WriteOnly))
        throw ProjectError(QStringLiteral("%1: cannot write (%2)").arg(path, zip.errorString()));
    zip.setCompression(KZip::DeflateCompression);
    bool ok = zip.writeFile(QStringLiteral("project.qde"), xml);
    int done = 0;
    const QList<ArticleSummary> summaries = session.articles().summaries();
    for (const ArticleSummary &s : summaries) {
        const Article a = *session.articles().get(s.id);
        ok = ok && zip.writeFile(QStringLiteral("Sources/%1.txt").arg(a.uuid), a.text.toUtf8());
        if (!options.report(++done, int(summaries.size()))) {
            zip.close();
            QFile::remove(path);
            report.cancelled = true;
            return report;
        }
    }
    if (!ok || !zip.close())
        throw ProjectError(QStringLiteral("%1: cannot write (%2)").arg(path, zip.errorString()));
    report.files << path;
    return report;
}

ExchangeReport RefiQda::importCodebook(ProjectSession &session, const QString &path,
                                       const ExchangeOptions &)
{
    ExchangeReport report;
    report.format = QStringLiteral("qdc");
    QXmlStreamReader r(readAll(path));
    QList<CodeNode> top;
    bool seenRoot = false;
    while (!r.atEnd()) {
        r.readNext();
        refuseDtd(r, path);
        if (!r.isStartElement())
            continue;
        if (!seenRoot) {
            if (r.name() != QLatin1String("CodeBook") || r.namespaceUri() != kCodebookNs)
                throw ProjectError(
                    QStringLiteral("%1: not a REFI-QDA codebook (root <%2> in “%3”, expected "
                                   "<CodeBook> in %4)")
                        .arg(path, r.name().toString(), r.namespaceUri().toString(), kCodebookNs));
            seenRoot = true;
            continue;
        }
        if (r.name() == QLatin1String("Codes"))
            top += readCodes(r, path);
        else
            r.skipCurrentElement(); // <Sets/> and the like, empty or not
    }
    if (r.hasError())
        throw ProjectError(
            QStringLiteral("%1: line %2: %3").arg(path).arg(r.lineNumber()).arg(r.errorString()));
    if (!seenRoot)
        throw ProjectError(QStringLiteral("%1: empty, not a REFI-QDA codebook").arg(path));
    UnitOfWork unit(session.database());
    CodeMap map;
    mergeCodes(session, top, report, map, QStringLiteral("Imported codes"));
    unit.commit();
    return report;
}

ExchangeReport RefiQda::importProject(ProjectSession &session, const QString &path,
                                      const ExchangeOptions &options)
{
    ExchangeReport report;
    report.format = QStringLiteral("qdpx");
    KZip zip(path);
    if (!zip.open(QIODevice::ReadOnly))
        throw ProjectError(
            QStringLiteral("%1: not a readable zip archive (%2)").arg(path, zip.errorString()));
    // Every entry, checked before anything is read: no path leaving the
    // archive, not too many, not too large once expanded.
    QHash<QString, const KArchiveFile *> files; // lower-case path -> entry
    qint64 expanded = 0;
    std::function<void(const KArchiveDirectory *, const QString &)> walk
        = [&](const KArchiveDirectory *dir, const QString &prefix) {
              for (const QString &name : dir->entries()) {
                  if (name == QLatin1String("..") || name.contains(QLatin1String("../"))
                      || name.startsWith(QLatin1Char('/')))
                      throw ProjectError(
                          QStringLiteral("%1: entry “%2%3” points outside the archive (refused)")
                              .arg(path, prefix, name));
                  const KArchiveEntry *e = dir->entry(name);
                  if (files.size() >= maxEntries)
                      throw ProjectError(QStringLiteral("%1: more than %2 entries (refused)")
                                             .arg(path)
                                             .arg(maxEntries));
                  if (e->isDirectory()) {
                      walk(static_cast<const KArchiveDirectory *>(e),
                           prefix + name + QLatin1Char('/'));
                  } else {
                      const auto *f = static_cast<const KArchiveFile *>(e);
                      expanded += f->size();
                      if (expanded > maxExpandedBytes)
                          throw ProjectError(
                              QStringLiteral("%1: expands to more than %2 MB (refused)")
                                  .arg(path)
                                  .arg(maxExpandedBytes >> 20));
                      files.insert((prefix + name).toLower(), f);
                  }
              }
          };
    walk(zip.directory(), QString());
    const KArchiveFile *qde = files.value(QStringLiteral("project.qde"));
    if (!qde)
        throw ProjectError(QStringLiteral("%1: no project.qde in the archive").arg(path));
    const QString origin = path + QStringLiteral(":") + qde->name();

    struct Selection
    {
        QString guid;
        qint64 start = 0, end = 0;
        QString user;
        QStringList codeGuids;
        QStringList noteGuids;
        int line = 0;
        QString name; // vendors put the selected text (or its start) here
    };
    struct Source
    {
        QString guid, name, textPath, content, kind;
        QList<Selection> selections;
        int line = 0;
    };
    struct Case
    {
        QString guid;
        QList<std::pair<QString, QString>> values; // variable guid, text
        QStringList selectionGuids;
    };
    QList<Source> sources;
    QList<Case> cases;
    std::optional<Case> currentCase;
    QString variableRef;
    QHash<QString, QString> variables; // guid -> name
    QList<CodeNode> codes;
    QHash<QString, QString> users, notes; // guid -> name, guid -> text
    QXmlStreamReader r(qde->data());
    bool seenRoot = false;
    std::optional<Source> current;
    std::optional<Selection> selection;
    QString noteGuid;
    bool inNotes = false;
    while (!r.atEnd()) {
        r.readNext();
        refuseDtd(r, origin);
        if (r.isEndElement()) {
            const auto n = r.name();
            if (n == QLatin1String("PlainTextSelection") && selection && current) {
                current->selections << *selection;
                selection.reset();
            } else if ((n == QLatin1String("TextSource") || n == QLatin1String("PDFSource"))
                       && current) {
                sources << *current;
                current.reset();
            } else if (n == QLatin1String("Notes")) {
                inNotes = false;
            } else if (n == QLatin1String("Case") && currentCase) {
                cases << *currentCase;
                currentCase.reset();
            }
            continue;
        }
        if (!r.isStartElement())
            continue;
        const auto n = r.name();
        const auto a = r.attributes();
        const auto guid = [&](const char *attr) {
            return a.value(QLatin1String(attr))
                .toString()
                .remove(QLatin1Char('{'))
                .remove(QLatin1Char('}'))
                .toLower();
        };
        if (!seenRoot) {
            if (n != QLatin1String("Project") || r.namespaceUri() != kProjectNs)
                throw ProjectError(QStringLiteral("%1: not a REFI-QDA project (root <%2>)")
                                       .arg(origin, n.toString()));
            seenRoot = true;
        } else if (n == QLatin1String("User")) {
            users.insert(guid("guid"), a.value(QLatin1String("name")).toString());
        } else if (n == QLatin1String("Codes") && codes.isEmpty() && !current) {
            codes = readCodes(r, origin);
        } else if (n == QLatin1String("Variable") && !current && !currentCase) {
            variables.insert(guid("guid"), a.value(QLatin1String("name")).toString());
        } else if (n == QLatin1String("Case")) {
            currentCase = Case {guid("guid"), {}, {}};
        } else if (n == QLatin1String("VariableRef") && currentCase) {
            variableRef = guid("targetGUID");
        } else if (n == QLatin1String("TextValue") && currentCase) {
            currentCase->values.append({variableRef, r.readElementText()});
        } else if (n == QLatin1String("SelectionRef") && currentCase) {
            currentCase->selectionGuids << guid("targetGUID");
        } else if (n == QLatin1String("Notes")) {
            inNotes = true;
        } else if (n == QLatin1String("Note") && inNotes) {
            noteGuid = guid("guid");
        } else if (n == QLatin1String("PlainTextContent") && inNotes && !current) {
            notes.insert(noteGuid, r.readElementText());
        } else if (n == QLatin1String("TextSource") || n == QLatin1String("PDFSource")) {
            if (current && n == QLatin1String("TextSource")) {
                // a PDF's Representation: its text stands for the PDF
                current->textPath = a.value(QLatin1String("plainTextPath")).toString();
                current->kind = QStringLiteral("PDF (its text representation)");
                continue;
            }
            current = Source {guid("guid"),
                              a.value(QLatin1String("name")).toString(),
                              a.value(QLatin1String("plainTextPath")).toString(),
                              QString(),
                              n == QLatin1String("PDFSource") ? QStringLiteral("PDF")
                                                              : QStringLiteral("text"),
                              {},
                              int(r.lineNumber())};
        } else if (n == QLatin1String("PDFSelection") && current) {
            // A region of a page: no text positions to place it by.
            report.skipped.append(
                {path, QStringLiteral("PDFSelection %1 in “%2”").arg(guid("guid"), current->name),
                 QStringLiteral("a region of a PDF page, not a text span")});
            r.skipCurrentElement();
        } else if (n == QLatin1String("Representation") && current) {
            current->textPath = a.value(QLatin1String("plainTextPath")).toString();
            current->kind = QStringLiteral("PDF (its text representation)");
        } else if (n == QLatin1String("PlainTextContent") && current) {
            current->content = r.readElementText();
        } else if (n == QLatin1String("PlainTextSelection") && current) {
            bool okS = false, okE = false;
            selection = Selection {guid("guid"),
                                   a.value(QLatin1String("startPosition")).toLongLong(&okS),
                                   a.value(QLatin1String("endPosition")).toLongLong(&okE),
                                   guid("creatingUser"),
                                   {},
                                   {},
                                   int(r.lineNumber()),
                                   a.value(QLatin1String("name")).toString()};
            if (!okS || !okE)
                throw ProjectError(QStringLiteral("%1: line %2: PlainTextSelection %3: "
                                                  "startPosition/endPosition are not numbers")
                                       .arg(origin)
                                       .arg(r.lineNumber())
                                       .arg(selection->guid));
        } else if (n == QLatin1String("CodeRef") && selection) {
            selection->codeGuids << guid("targetGUID");
        } else if (n == QLatin1String("NoteRef") && selection) {
            selection->noteGuids << guid("targetGUID");
        } else if (n == QLatin1String("PictureSource") || n == QLatin1String("AudioSource")
                   || n == QLatin1String("VideoSource")) {
            report.skipped.append({path,
                                   QStringLiteral("%1 “%2”").arg(
                                       n.toString(), a.value(QLatin1String("name")).toString()),
                                   QStringLiteral("not text")});
            r.skipCurrentElement();
        }
    }
    if (r.hasError())
        throw ProjectError(
            QStringLiteral("%1: line %2: %3").arg(origin).arg(r.lineNumber()).arg(r.errorString()));

    // Texts first, all checked, before anything is written.
    struct Ready
    {
        Source source;
        QString stored;
        OriginalLayout layout;
        bool utf16 = false;
    };
    QList<Ready> ready;
    for (const Source &s : std::as_const(sources)) {
        QString text = s.content;
        if (text.isEmpty() && !s.textPath.isEmpty()) {
            QString file = s.textPath;
            file.remove(QStringLiteral("internal://"));
            const KArchiveFile *entry = files.value(QStringLiteral("sources/") + file.toLower());
            if (!entry)
                entry = files.value(file.toLower());
            if (!entry) {
                report.skipped.append(
                    {path, QStringLiteral("%1 source “%2”").arg(s.kind, s.name),
                     QStringLiteral("its text %1 is not in the archive").arg(s.textPath)});
                continue;
            }
            QStringDecoder decoder(QStringConverter::Utf8,
                                   QStringConverter::Flag::ConvertInitialBom);
            text = decoder(entry->data());
            if (decoder.hasError())
                throw ProjectError(
                    QStringLiteral("%1: %2: not valid UTF-8").arg(path, entry->name()));
        } else if (text.isEmpty()) {
            report.skipped.append({path, QStringLiteral("%1 source “%2”").arg(s.kind, s.name),
                                   QStringLiteral("no text")});
            continue;
        }
        Ready ok {s, QString(), OriginalLayout(), false};
        ok.layout = OriginalLayout::fromOriginal(text, &ok.stored);
        // Positions count from after a BOM (NVivo), in code points or in
        // UTF-16 units: the unit is the one that puts every selection
        // inside the text.
        QString withoutBom = text;
        if (ok.layout.hasByteOrderMark())
            withoutBom.remove(0, 1);
        const qint64 cps = TextOffsets::codePointLength(withoutBom);
        qint64 maxEnd = 0;
        for (const Selection &sel : s.selections) {
            if (sel.start < 0 || sel.end <= sel.start)
                throw ProjectError(
                    QStringLiteral("%1: line %2: PlainTextSelection %3: %4–%5 is not a span")
                        .arg(origin)
                        .arg(sel.line)
                        .arg(sel.guid)
                        .arg(sel.start)
                        .arg(sel.end));
            maxEnd = qMax(maxEnd, sel.end);
        }
        if (maxEnd > withoutBom.size())
            throw ProjectError(
                QStringLiteral(
                    "%1: source “%2”: selections end at %3, beyond its text (%4 characters)")
                    .arg(origin, s.name)
                    .arg(maxEnd)
                    .arg(withoutBom.size()));
        // Where selections carry their text in name, the unit that cuts it
        // out of the source wins; otherwise only UTF-16 can reach past the
        // code points.
        const TextOffsets probe(withoutBom);
        int byCodePoints = 0, byUtf16 = 0;
        for (const Selection &sel : s.selections) {
            QString name = sel.name;
            if (name.endsWith(QChar(0x2026)))
                name.chop(1);
            name = name.trimmed().left(20);
            if (name.isEmpty())
                continue;
            const qsizetype from = probe.toUtf16(sel.start);
            if (withoutBom.mid(from, probe.toUtf16(sel.end) - from).trimmed().startsWith(name))
                ++byCodePoints;
            if (withoutBom.mid(sel.start, sel.end - sel.start).trimmed().startsWith(name))
                ++byUtf16;
        }
        if (maxEnd > cps || byUtf16 > byCodePoints) {
            ok.utf16 = true;
            report.conversions
                << QStringLiteral(
                       "source “%1”: positions in UTF-16 units, converted to code points")
                       .arg(s.name);
        }
        if (!ok.layout.isIdentity())
            report.conversions
                << QStringLiteral(
                       "source “%1”: BOM or CRLF dropped from the text, positions mapped")
                       .arg(s.name);
        ready << ok;
    }

    UnitOfWork unit(session.database());
    CodeMap map;
    mergeCodes(session, codes, report, map, QStringLiteral("Imported codes"));
    QList<Article> articles;
    for (const Ready &x : ready) {
        Article a;
        a.uuid = x.source.guid;
        a.title = x.source.name.isEmpty() ? x.source.guid : x.source.name;
        a.text = x.stored;
        a.origin = path;
        if (session.articles().byUuid(a.uuid))
            a.uuid.clear(); // kept below as a duplicate by its text, or a new one
        articles << a;
    }
    const auto added = session.articles().addMany(articles);
    QSet<QString> known;
    QSet<QString> present;
    for (const Annotation &an : session.annotations().all()) {
        known.insert(an.uuid);
        present.insert(QStringLiteral("%1/%2/%3").arg(an.articleId).arg(an.start).arg(an.end));
    }
    QList<NewAnnotation> fresh;
    int done = 0;
    for (qsizetype i = 0; i < ready.size(); ++i) {
        const Ready &x = ready[i];
        (added[i].status == ArticleRepository::AddResult::Status::Added ? report.sourcesAdded
                                                                        : report.sourcesKept)++;
        QString withoutBom = x.layout.original(x.stored);
        if (x.layout.hasByteOrderMark())
            withoutBom.remove(0, 1);
        const TextOffsets offsets(withoutBom);
        const int bom = x.layout.hasByteOrderMark() ? 1 : 0;
        for (const Selection &sel : x.source.selections) {
            if (!options.report(++done, 0)) {
                report.cancelled = true;
                return report;
            }
            if (known.contains(sel.guid)) {
                ++report.annotationsKept;
                continue;
            }
            NewAnnotation n;
            n.uuid = sel.guid;
            n.articleId = added[i].id;
            qint64 start = x.utf16 ? offsets.toCodePoint(sel.start) : sel.start;
            qint64 end = x.utf16 ? offsets.toCodePoint(sel.end) : sel.end;
            n.start = x.layout.toStored(start + bom);
            n.end = x.layout.toStored(end + bom);
            for (const QString &g : sel.codeGuids) {
                const qint64 id = map.byGuid.value(g);
                if (!id)
                    throw ProjectError(QStringLiteral("%1: line %2: PlainTextSelection %3 codes "
                                                      "with %4, which the codebook does not have")
                                           .arg(origin)
                                           .arg(sel.line)
                                           .arg(sel.guid, g));
                n.codeIds << id;
            }
            if (n.codeIds.isEmpty()) {
                report.skipped.append({path, QStringLiteral("PlainTextSelection %1").arg(sel.guid),
                                       QStringLiteral("no code")});
                continue;
            }
            QStringList texts;
            for (const QString &g : sel.noteGuids)
                texts << notes.value(g);
            n.note = texts.join(QStringLiteral("\n\n"));
            n.coderName = !options.coder.isEmpty() ? options.coder : users.value(sel.user);
            const QString key = QStringLiteral("%1/%2/%3").arg(n.articleId).arg(n.start).arg(n.end);
            if (present.contains(key) && session.annotations().forArticle(n.articleId).size()
                && !known.contains(sel.guid)) {
                bool same = false;
                for (const Annotation &an : session.annotations().forArticle(n.articleId))
                    same = same
                        || (an.start == n.start && an.end == n.end && an.codeIds == n.codeIds);
                if (same) {
                    ++report.annotationsKept;
                    continue;
                }
            }
            known.insert(sel.guid);
            fresh << n;
        }
    }
    const QList<qint64> ids = session.annotations().addMany(fresh);
    report.annotationsAdded = int(ids.size());
    // Cases holding our claim variables give the new selections their claims.
    QHash<QString, qint64> freshIds;
    for (qsizetype i = 0; i < ids.size(); ++i)
        freshIds.insert(fresh[i].uuid, ids[i]);
    QSet<QString> claimUuids;
    for (const Claim &c : session.annotations().claims())
        claimUuids.insert(c.uuid);
    ClaimFields fields(session);
    for (const Case &c : std::as_const(cases)) {
        for (const QString &selectionGuid : c.selectionGuids) {
            const qint64 annotation = freshIds.value(selectionGuid);
            if (!annotation)
                continue;
            Claim claim;
            claim.annotationId = annotation;
            bool any = false;
            for (const auto &[variable, value] : c.values)
                any = fields.set(session, claim, variables.value(variable), value, report) || any;
            if (!any)
                continue;
            if (c.selectionGuids.size() == 1 && !claimUuids.contains(c.guid))
                claim.uuid = c.guid;
            session.annotations().setClaim(claim);
        }
    }
    unit.commit();
    return report;
}
