@bad-input
Feature: Bad input is reported, and everyone keeps working
  A corrupt line, an overlong line or binary garbage must not crash the server, close the
  connection or hold up anyone else. The server counts it and reports it with the device and
  the reason, and goes on reading.

  Background:
    Given a server is receiving readings
    And a classroom sketch reporting every 100 ms on a connection of its own

  Scenario Outline: <kind> lines are reported as <reason>, and nothing else is lost
    Given a device reporting every 100 ms with the fault "<fault>"
    When the device has taken 15 readings
    Then the server reported <reason> lines from the device, naming the device and the reason
    And the device is still on its first connection
    And the server has stored every reading the device sent, exactly once
    And every reading of the classroom sketch was stored, on its first connection

    Examples:
      | kind      | fault        | reason       |
      | Corrupt   | corrupt=0.3  | malformed    |
      | Overlong  | oversize=0.3 | oversize     |
      | Binary    | binary=0.3   | invalid_byte |
