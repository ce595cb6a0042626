#pragma once

#include <QtGlobal>

#include <memory>

struct BenchContext;
class MainWindow;

// The GUI measurements, through MainWindow's public API as the app uses it
// (offscreen): opening the project with its library, and opening articles
// laid out and highlighted in the reader.
class GuiMeasurements
{
public:
    explicit GuiMeasurements(BenchContext &context);
    ~GuiMeasurements();
    void run();

    // Opens the project in a shown main window, as the app starts up.
    static std::unique_ptr<MainWindow> openWindow(const QString &projectPath);
    // Opens the article and waits until the reader has laid out and
    // painted what is visible. Throws std::runtime_error if it failed.
    static void showArticle(MainWindow &window, qint64 articleId);
    // Lets pending show, layout and paint work finish.
    static void settle();

private:
    void openProject();
    void openArticle(const QString &name, qint64 articleId, double targetMs, int annotations);
    void lensOverArticle(qint64 articleId, double targetMs);

    BenchContext &m_context;
    std::unique_ptr<MainWindow> m_window;
};
