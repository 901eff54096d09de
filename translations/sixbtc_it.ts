<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>sixbtc::gui::AboutDialog</name>
    <message>
        <location filename="../gui/windows/aboutdialog.cpp" line="18"/>
        <source>About SixBTC Workbench</source>
        <translation>Informazioni su SixBTC Workbench</translation>
    </message>
    <message>
        <location filename="../gui/windows/aboutdialog.cpp" line="20"/>
        <source>&lt;h2&gt;SixBTC Workbench&lt;/h2&gt;&lt;p&gt;Generate, prove and trade strategies on Hyperliquid under hard risk limits.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;SixBTC Workbench&lt;/h2&gt;&lt;p&gt;Genera, verifica e opera strategie su Hyperliquid entro limiti di rischio rigidi.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>sixbtc::gui::MainWindow</name>
    <message>
        <location filename="../gui/windows/mainwindow.cpp" line="32"/>
        <source>SixBTC Workbench</source>
        <translation>SixBTC Workbench</translation>
    </message>
    <message>
        <location filename="../gui/windows/mainwindow.cpp" line="35"/>
        <source>SixBTC %1</source>
        <translation>SixBTC %1</translation>
    </message>
    <message>
        <location filename="../gui/windows/mainwindow.cpp" line="38"/>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <location filename="../gui/windows/mainwindow.cpp" line="44"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../gui/windows/mainwindow.cpp" line="45"/>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location filename="../gui/windows/mainwindow.cpp" line="49"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location filename="../gui/windows/mainwindow.cpp" line="50"/>
        <source>&amp;About SixBTC Workbench</source>
        <translation>&amp;Informazioni su SixBTC Workbench</translation>
    </message>
</context>
</TS>
