#include "OpmlFile.h"

#include <QDateTime>
#include <QHash>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace {
void writeFeed(QXmlStreamWriter &xml, const Feed &f)
{
    xml.writeEmptyElement(QStringLiteral("outline"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("rss"));
    const QString title = f.title.isEmpty() ? f.url : f.title;
    xml.writeAttribute(QStringLiteral("text"), title);
    xml.writeAttribute(QStringLiteral("title"), title);
    xml.writeAttribute(QStringLiteral("xmlUrl"), f.url);
    if (!f.siteUrl.isEmpty())
        xml.writeAttribute(QStringLiteral("htmlUrl"), f.siteUrl);
}
} // namespace

QByteArray OpmlFile::write(const QList<FeedFolder> &folders, const QList<Feed> &feeds,
                           const QString &title)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("opml"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
    xml.writeStartElement(QStringLiteral("head"));
    xml.writeTextElement(QStringLiteral("title"), title);
    xml.writeTextElement(QStringLiteral("dateCreated"),
                         QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("body"));
    for (const Feed &f : feeds) {
        if (!f.folderId)
            writeFeed(xml, f);
    }
    for (const FeedFolder &folder : folders) {
        xml.writeStartElement(QStringLiteral("outline"));
        xml.writeAttribute(QStringLiteral("text"), folder.name);
        xml.writeAttribute(QStringLiteral("title"), folder.name);
        for (const Feed &f : feeds) {
            if (f.folderId == folder.id)
                writeFeed(xml, f);
        }
        xml.writeEndElement();
    }
    xml.writeEndElement(); // body
    xml.writeEndElement(); // opml
    xml.writeEndDocument();
    return out;
}

std::variant<QList<OpmlEntry>, QString> OpmlFile::read(const QByteArray &opml)
{
    QXmlStreamReader xml(opml);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("opml")) {
        if (xml.hasError())
            return QStringLiteral("malformed XML at line %1: %2")
                .arg(xml.lineNumber())
                .arg(xml.errorString());
        return QStringLiteral("not an OPML file (the document is <%1>)").arg(xml.name().toString());
    }
    QList<OpmlEntry> entries;
    QStringList folders; // titles of the open outlines without xmlUrl
    QList<bool> isFolder;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("outline")) {
            const auto a = xml.attributes();
            const QString url = a.value(QLatin1String("xmlUrl")).toString().trimmed();
            QString title = a.value(QLatin1String("title")).toString().trimmed();
            if (title.isEmpty())
                title = a.value(QLatin1String("text")).toString().trimmed();
            if (!url.isEmpty()) {
                entries.append({folders.value(0), url, title,
                                a.value(QLatin1String("htmlUrl")).toString().trimmed()});
                isFolder.append(false);
            } else {
                folders.append(title);
                isFolder.append(true);
            }
        } else if (token == QXmlStreamReader::EndElement
                   && xml.name() == QLatin1String("outline")) {
            if (!isFolder.isEmpty() && isFolder.takeLast())
                folders.removeLast();
        }
    }
    if (xml.hasError())
        return QStringLiteral("malformed XML at line %1: %2")
            .arg(xml.lineNumber())
            .arg(xml.errorString());
    return entries;
}
