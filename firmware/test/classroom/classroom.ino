// The classroom sketch, as students write it: a DHT11 on D2, one reading every 5 s sent with
// client.println(data) as "seq,millis,temperature,humidity". It is a fixture: it must build for
// the virtual NodeMCU unchanged but for the four lines marked below.
#include <ESP8266WiFi.h>
#include <DHT.h>

#define DHTPIN D2
#define DHTTYPE DHT11

// --- the lines a classroom edits: Wi-Fi credentials and the laptop's address ---
const char* ssid = "classroom";
const char* password = "dht11-rocks";
const char* host = "127.0.0.1";
const uint16_t port = 5050;
// ---

DHT dht(DHTPIN, DHTTYPE);
WiFiClient client;
unsigned long seq = 0;

void setup() {
  Serial.begin(115200);
  delay(10);
  dht.begin();

  Serial.println();
  Serial.print("Connecting to ");
  Serial.println(ssid);
  WiFi.begin(ssid, password);
  while (WiFi.status() != WL_CONNECTED) {
    delay(500);
    Serial.print(".");
  }
  Serial.println("");
  Serial.println("WiFi connected");
  Serial.print("IP address: ");
  Serial.println(WiFi.localIP());
}

void loop() {
  if (!client.connected()) {
    Serial.printf("Connecting to %s:%d\n", host, port);
    if (!client.connect(host, port)) {
      Serial.println("Connection failed");
      delay(2000);
      return;
    }
    Serial.println("Connected to server");
  }

  float h = dht.readHumidity();
  float t = dht.readTemperature();
  if (isnan(h) || isnan(t)) {
    Serial.println("Failed to read from DHT sensor!");
    delay(5000);
    return;
  }

  String data = String(seq) + "," + String(millis()) + "," + String(t, 1) + "," + String(h, 1);
  client.println(data);
  Serial.print("Sent: ");
  Serial.println(data);
  seq++;
  delay(5000);
}
