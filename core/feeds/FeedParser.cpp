#include "FeedParser.h"

#include "html/HtmlTextExtractor.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamReader>

namespace {

const QString kAtomNs = QStringLiteral("http://www.w3.org/2005/Atom");
constexpr int kMaxItems = 5000;

// The fields of the feed or of the item being read, by element name.
struct Fields
{
    QString title, link, id, summary, content, author, published, updated;
};

QString resolve(const QUrl &base, const QString &link)
{
    const QString trimmed = link.trimmed();
    if (trimmed.isEmpty() || !base.isValid())
        return trimmed;
    return base.resolved(QUrl(trimmed)).toString();
}

// Reads the element's text; for Atom's type="xhtml" the markup inside.
QString readText(QXmlStreamReader &xml)
{
    const bool xhtml = xml.attributes().value(QLatin1String("type")) == QLatin1String("xhtml");
    if (!xhtml)
        return xml.readElementText(QXmlStreamReader::IncludeChildElements);
    QString out;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            out += QLatin1Char('<') + xml.name().toString() + QLatin1Char('>');
            break;
        case QXmlStreamReader::EndElement:
            if (--depth > 0)
                out += QStringLiteral("</") + xml.name().toString() + QLatin1Char('>');
            break;
        case QXmlStreamReader::Characters:
            out += xml.text().toString().toHtmlEscaped();
            break;
        default:
            break;
        }
    }
    return out;
}

// Reads one child element of a feed or item into the fields.
void readField(QXmlStreamReader &xml, Fields &f, bool atom)
{
    const QStringView name = xml.name();
    const QStringView prefix = xml.prefix();
    if (name == QLatin1String("link")) {
        const auto attrs = xml.attributes();
        if (atom || attrs.hasAttribute(QLatin1String("href"))) {
            // Atom: rel="alternate" (or no rel) is the page.
            const QStringView rel = attrs.value(QLatin1String("rel"));
            if ((rel.isEmpty() || rel == QLatin1String("alternate")) && f.link.isEmpty())
                f.link = attrs.value(QLatin1String("href")).toString();
            xml.skipCurrentElement();
        } else if (prefix.isEmpty()) {
            const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            if (f.link.isEmpty())
                f.link = text;
        } else {
            xml.skipCurrentElement();
        }
    } else if (name == QLatin1String("title")
               && (prefix.isEmpty() || prefix == QLatin1String("dc"))) {
        if (f.title.isEmpty())
            f.title = FeedParser::plainText(readText(xml)).simplified();
        else
            xml.skipCurrentElement();
    } else if (name == QLatin1String("guid") || (name == QLatin1String("id") && atom)) {
        f.id = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
    } else if (name == QLatin1String("description") || name == QLatin1String("summary")
               || name == QLatin1String("subtitle")) {
        f.summary = readText(xml);
    } else if (name == QLatin1String("encoded") || (name == QLatin1String("content") && atom)) {
        f.content = readText(xml);
    } else if (name == QLatin1String("author") || name == QLatin1String("creator")) {
        QString author;
        if (atom) {
            // <author><name>…</name><email>…</email></author>
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("name"))
                    author = xml.readElementText(QXmlStreamReader::SkipChildElements);
                else
                    xml.skipCurrentElement();
            }
        } else {
            author = xml.readElementText(QXmlStreamReader::SkipChildElements);
        }
        author = author.simplified();
        if (!author.isEmpty())
            f.author = f.author.isEmpty() ? author : f.author + QStringLiteral(", ") + author;
    } else if (name == QLatin1String("pubDate") || name == QLatin1String("published")
               || (name == QLatin1String("date") && prefix == QLatin1String("dc"))
               || name == QLatin1String("issued")) {
        f.published = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
    } else if (name == QLatin1String("updated") || name == QLatin1String("modified")
               || name == QLatin1String("lastBuildDate")) {
        f.updated = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
    } else {
        xml.skipCurrentElement();
    }
}

FeedItem toItem(const Fields &f, const QUrl &base)
{
    FeedItem item;
    item.title = f.title;
    item.url = resolve(base, f.link);
    item.summary = FeedParser::plainText(f.summary.isEmpty() ? f.content : f.summary);
    item.author = f.author;
    item.published = FeedParser::normaliseDate(f.published.isEmpty() ? f.updated : f.published);
    item.guid = f.id.isEmpty() ? item.url : f.id;
    if (item.guid.isEmpty()) {
        // Nothing identifies it: its content does, so a refresh finds it again.
        item.guid = QStringLiteral("sha1:")
            + QString::fromLatin1(QCryptographicHash::hash((item.title + item.summary).toUtf8(),
                                                           QCryptographicHash::Sha1)
                                      .toHex());
    }
    if (item.title.isEmpty())
        item.title = item.summary.left(120).simplified();
    return item;
}

} // namespace

QString FeedParser::plainText(const QString &maybeHtml)
{
    if (!maybeHtml.contains(QLatin1Char('<')) && !maybeHtml.contains(QLatin1Char('&')))
        return maybeHtml.trimmed();
    return HtmlTextExtractor::extract(maybeHtml).text;
}

QString FeedParser::normaliseDate(const QString &date)
{
    const QString d = date.trimmed();
    if (d.isEmpty())
        return d;
    QDateTime t = QDateTime::fromString(d, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(d, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(d, Qt::RFC2822Date);
    if (!t.isValid()) {
        // RFC 822 with a zone name Qt does not know ("EST", "CEST"): the
        // hour offset is lost but the day survives.
        static const QRegularExpression zone(QStringLiteral(R"(\s+[A-Z]{2,5}$)"));
        QString bare = d;
        bare.remove(zone);
        t = QDateTime::fromString(bare + QStringLiteral(" +0000"), Qt::RFC2822Date);
    }
    if (!t.isValid() && d.size() == 10)
        t = QDateTime(QDate::fromString(d, Qt::ISODate), QTime(0, 0), QTimeZone::UTC);
    // A date without a zone is taken as UTC, not as this computer's time.
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), QTimeZone::UTC);
    return t.isValid() ? t.toString(Qt::ISODate) : d;
}

ParsedFeed FeedParser::parse(const QByteArray &data, const QUrl &baseUrl)
{
    ParsedFeed feed;
    if (data.trimmed().isEmpty()) {
        feed.error = QStringLiteral("empty document");
        return feed;
    }
    QXmlStreamReader xml(data);
    if (!xml.readNextStartElement()) {
        feed.error = xml.hasError() ? QStringLiteral("malformed XML at line %1, column %2: %3")
                                          .arg(xml.lineNumber())
                                          .arg(xml.columnNumber())
                                          .arg(xml.errorString())
                                    : QStringLiteral("empty document");
        return feed;
    }
    const QStringView root = xml.name();
    Fields channel;
    if (root == QLatin1String("feed")) {
        feed.format = ParsedFeed::Format::Atom;
    } else if (root == QLatin1String("rss")) {
        feed.format = ParsedFeed::Format::Rss2;
    } else if (root == QLatin1String("RDF")) {
        feed.format = ParsedFeed::Format::Rdf;
    } else {
        feed.error
            = QStringLiteral("not an RSS or Atom feed (the document is <%1>)").arg(root.toString());
        return feed;
    }
    const bool atom = feed.format == ParsedFeed::Format::Atom;
    // Atom keeps items in the root, RSS 2.0 in <channel>, RDF next to it.
    const auto readItem = [&] {
        Fields f;
        while (xml.readNextStartElement())
            readField(xml, f, atom);
        if (feed.items.size() < kMaxItems)
            feed.items.append(toItem(f, baseUrl));
    };
    const auto readContainer = [&](auto &self, bool inChannel) -> void {
        while (xml.readNextStartElement()) {
            const QStringView name = xml.name();
            if (name == QLatin1String("item") || name == QLatin1String("entry"))
                readItem();
            else if (name == QLatin1String("channel") && !inChannel)
                self(self, true);
            else if (name == QLatin1String("items") || name == QLatin1String("image")
                     || name == QLatin1String("textinput") || name == QLatin1String("textInput"))
                xml.skipCurrentElement();
            else
                readField(xml, channel, atom);
        }
    };
    readContainer(readContainer, false);
    // Whatever follows the root must still be well-formed.
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError) {
        feed.items.clear();
        feed.error = QStringLiteral("malformed XML at line %1, column %2: %3")
                         .arg(xml.lineNumber())
                         .arg(xml.columnNumber())
                         .arg(xml.errorString());
        return feed;
    }
    if (xml.hasError()) {
        feed.items.clear();
        feed.error = QStringLiteral("the feed ends too early (truncated at line %1)")
                         .arg(xml.lineNumber());
        return feed;
    }
    feed.title = channel.title;
    feed.siteUrl = resolve(baseUrl, channel.link);
    feed.description = plainText(channel.summary);
    feed.ok = true;
    return feed;
}
